/// MD5 (RFC 1321) in pure Swift, streaming: feed bytes with ``update(_:)`` as they pass, then
/// ``finalize()``.
///
/// Used to check dataset files against their published checksums, never for security. Fast enough
/// to hash inflated bytes while they are still in cache (several hundred MB/s in release builds):
/// the 64 steps are unrolled with their constants so the compiler keeps the state in registers.
struct MD5 {
    private var a: UInt32 = 0x6745_2301
    private var b: UInt32 = 0xefcd_ab89
    private var c: UInt32 = 0x98ba_dcfe
    private var d: UInt32 = 0x1032_5476
    /// Bytes hashed so far (the length goes into the padding, modulo 2^64 as the RFC says).
    private var length: UInt64 = 0
    /// A partial 64-byte block waiting for more input.
    private var pending = [UInt8](repeating: 0, count: 64)
    private var pendingCount = 0

    init() {}

    /// Hashes `bytes` in a single call.
    static func digest(_ bytes: [UInt8]) -> MD5Digest {
        var md5 = MD5()
        md5.update(bytes)
        return md5.finalize()
    }

    /// Adds `bytes` to the message.
    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Adds the bytes at `buffer` to the message.
    mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard var base = buffer.baseAddress, buffer.count > 0 else { return }
        var remaining = buffer.count
        length &+= UInt64(remaining)
        if pendingCount > 0 {
            let take = min(64 - pendingCount, remaining)
            pending.withUnsafeMutableBytes { pendingBytes in
                (pendingBytes.baseAddress! + pendingCount).copyMemory(from: base, byteCount: take)
            }
            pendingCount += take
            base += take
            remaining -= take
            guard pendingCount == 64 else { return }
            pending.withUnsafeBytes { compress(UnsafeRawBufferPointer(rebasing: $0[0..<64])) }
            pendingCount = 0
        }
        let whole = remaining & ~63
        if whole > 0 { compress(UnsafeRawBufferPointer(start: base, count: whole)) }
        base += whole
        remaining -= whole
        if remaining > 0 {
            pending.withUnsafeMutableBytes { $0.baseAddress!.copyMemory(from: base, byteCount: remaining) }
            pendingCount = remaining
        }
    }

    /// Pads the message, hashes the last block(s) and returns the digest. The hasher is spent.
    mutating func finalize() -> MD5Digest {
        let bitLength = length &* 8
        var tail: [UInt8] = [0x80]
        let zeros = (55 - pendingCount + 64) % 64
        tail += [UInt8](repeating: 0, count: zeros)
        for shift in stride(from: 0, to: 64, by: 8) {
            tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        let savedLength = length
        update(tail)
        precondition(pendingCount == 0, "MD5 padding left \(pendingCount) bytes")
        length = savedLength
        var bytes: [UInt8] = []
        for word in [a, b, c, d] {
            for shift in stride(from: 0, to: 32, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: word >> UInt32(shift)))
            }
        }
        return MD5Digest(bytes: bytes)
    }

    /// Hashes whole 64-byte blocks; `blocks.count` is a multiple of 64.
    private mutating func compress(_ blocks: UnsafeRawBufferPointer) {
        var a = self.a, b = self.b, c = self.c, d = self.d
        var offset = 0
        while offset < blocks.count {
            let block = UnsafeRawBufferPointer(rebasing: blocks[offset..<(offset + 64)])
            @inline(__always) func word(_ i: Int) -> UInt32 {
                UInt32(littleEndian: block.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
            }
            let m0 = word(0), m1 = word(1), m2 = word(2), m3 = word(3)
            let m4 = word(4), m5 = word(5), m6 = word(6), m7 = word(7)
            let m8 = word(8), m9 = word(9), m10 = word(10), m11 = word(11)
            let m12 = word(12), m13 = word(13), m14 = word(14), m15 = word(15)
            let (a0, b0, c0, d0) = (a, b, c, d)
            f(&a, b, c, d, m0, 7, 0xd76aa478)
            f(&d, a, b, c, m1, 12, 0xe8c7b756)
            f(&c, d, a, b, m2, 17, 0x242070db)
            f(&b, c, d, a, m3, 22, 0xc1bdceee)
            f(&a, b, c, d, m4, 7, 0xf57c0faf)
            f(&d, a, b, c, m5, 12, 0x4787c62a)
            f(&c, d, a, b, m6, 17, 0xa8304613)
            f(&b, c, d, a, m7, 22, 0xfd469501)
            f(&a, b, c, d, m8, 7, 0x698098d8)
            f(&d, a, b, c, m9, 12, 0x8b44f7af)
            f(&c, d, a, b, m10, 17, 0xffff5bb1)
            f(&b, c, d, a, m11, 22, 0x895cd7be)
            f(&a, b, c, d, m12, 7, 0x6b901122)
            f(&d, a, b, c, m13, 12, 0xfd987193)
            f(&c, d, a, b, m14, 17, 0xa679438e)
            f(&b, c, d, a, m15, 22, 0x49b40821)
            g(&a, b, c, d, m1, 5, 0xf61e2562)
            g(&d, a, b, c, m6, 9, 0xc040b340)
            g(&c, d, a, b, m11, 14, 0x265e5a51)
            g(&b, c, d, a, m0, 20, 0xe9b6c7aa)
            g(&a, b, c, d, m5, 5, 0xd62f105d)
            g(&d, a, b, c, m10, 9, 0x02441453)
            g(&c, d, a, b, m15, 14, 0xd8a1e681)
            g(&b, c, d, a, m4, 20, 0xe7d3fbc8)
            g(&a, b, c, d, m9, 5, 0x21e1cde6)
            g(&d, a, b, c, m14, 9, 0xc33707d6)
            g(&c, d, a, b, m3, 14, 0xf4d50d87)
            g(&b, c, d, a, m8, 20, 0x455a14ed)
            g(&a, b, c, d, m13, 5, 0xa9e3e905)
            g(&d, a, b, c, m2, 9, 0xfcefa3f8)
            g(&c, d, a, b, m7, 14, 0x676f02d9)
            g(&b, c, d, a, m12, 20, 0x8d2a4c8a)
            h(&a, b, c, d, m5, 4, 0xfffa3942)
            h(&d, a, b, c, m8, 11, 0x8771f681)
            h(&c, d, a, b, m11, 16, 0x6d9d6122)
            h(&b, c, d, a, m14, 23, 0xfde5380c)
            h(&a, b, c, d, m1, 4, 0xa4beea44)
            h(&d, a, b, c, m4, 11, 0x4bdecfa9)
            h(&c, d, a, b, m7, 16, 0xf6bb4b60)
            h(&b, c, d, a, m10, 23, 0xbebfbc70)
            h(&a, b, c, d, m13, 4, 0x289b7ec6)
            h(&d, a, b, c, m0, 11, 0xeaa127fa)
            h(&c, d, a, b, m3, 16, 0xd4ef3085)
            h(&b, c, d, a, m6, 23, 0x04881d05)
            h(&a, b, c, d, m9, 4, 0xd9d4d039)
            h(&d, a, b, c, m12, 11, 0xe6db99e5)
            h(&c, d, a, b, m15, 16, 0x1fa27cf8)
            h(&b, c, d, a, m2, 23, 0xc4ac5665)
            i(&a, b, c, d, m0, 6, 0xf4292244)
            i(&d, a, b, c, m7, 10, 0x432aff97)
            i(&c, d, a, b, m14, 15, 0xab9423a7)
            i(&b, c, d, a, m5, 21, 0xfc93a039)
            i(&a, b, c, d, m12, 6, 0x655b59c3)
            i(&d, a, b, c, m3, 10, 0x8f0ccc92)
            i(&c, d, a, b, m10, 15, 0xffeff47d)
            i(&b, c, d, a, m1, 21, 0x85845dd1)
            i(&a, b, c, d, m8, 6, 0x6fa87e4f)
            i(&d, a, b, c, m15, 10, 0xfe2ce6e0)
            i(&c, d, a, b, m6, 15, 0xa3014314)
            i(&b, c, d, a, m13, 21, 0x4e0811a1)
            i(&a, b, c, d, m4, 6, 0xf7537e82)
            i(&d, a, b, c, m11, 10, 0xbd3af235)
            i(&c, d, a, b, m2, 15, 0x2ad7d2bb)
            i(&b, c, d, a, m9, 21, 0xeb86d391)
            a = a &+ a0
            b = b &+ b0
            c = c &+ c0
            d = d &+ d0
            offset += 64
        }
        self.a = a
        self.b = b
        self.c = c
        self.d = d
    }
}

// The four auxiliary functions of RFC 1321, each folded into one step:
// a = b + ((a + F(b, c, d) + m + k) <<< s).

@inline(__always) private func rotate(_ x: UInt32, _ s: UInt32) -> UInt32 { (x << s) | (x >> (32 - s)) }

@inline(__always) private func f(
    _ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ m: UInt32, _ s: UInt32, _ k: UInt32
) {
    a = b &+ rotate(a &+ (d ^ (b & (c ^ d))) &+ m &+ k, s)
}

@inline(__always) private func g(
    _ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ m: UInt32, _ s: UInt32, _ k: UInt32
) {
    a = b &+ rotate(a &+ (c ^ (d & (b ^ c))) &+ m &+ k, s)
}

@inline(__always) private func h(
    _ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ m: UInt32, _ s: UInt32, _ k: UInt32
) {
    a = b &+ rotate(a &+ (b ^ c ^ d) &+ m &+ k, s)
}

@inline(__always) private func i(
    _ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ m: UInt32, _ s: UInt32, _ k: UInt32
) {
    a = b &+ rotate(a &+ (c ^ (b | ~d)) &+ m &+ k, s)
}
