/// MD5 (RFC 1321) in pure Swift, streaming: feed bytes with ``update(_:)`` as they pass, then
/// ``finalize()``.
///
/// Used to check dataset files against their published checksums, never for security. Fast enough
/// to hash inflated bytes while they are still in cache (about 500 MB/s in release builds): the 64
/// steps are unrolled with their constants so the compiler keeps the state in registers. Each step,
/// `a = b + ((a + F(b, c, d) + m + k) <<< s)`, is written out with the standard library's
/// transparent wrapping operators rather than helper functions, so that debug builds (which do not
/// inline ordinary functions) still hash real datasets in seconds rather than minutes.
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
        guard blocks.count > 0 else { return }
        var a = self.a, b = self.b, c = self.c, d = self.d
        // One copy per block into a tuple, rather than 16 generic loads: fast in debug builds too.
        var w = (
            UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0),
            UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0)
        )
        let base = blocks.baseAddress!
        var offset = 0
        while offset < blocks.count {
            withUnsafeMutableBytes(of: &w) { $0.baseAddress!.copyMemory(from: base + offset, byteCount: 64) }
            let m0 = UInt32(littleEndian: w.0), m1 = UInt32(littleEndian: w.1)
            let m2 = UInt32(littleEndian: w.2), m3 = UInt32(littleEndian: w.3)
            let m4 = UInt32(littleEndian: w.4), m5 = UInt32(littleEndian: w.5)
            let m6 = UInt32(littleEndian: w.6), m7 = UInt32(littleEndian: w.7)
            let m8 = UInt32(littleEndian: w.8), m9 = UInt32(littleEndian: w.9)
            let m10 = UInt32(littleEndian: w.10), m11 = UInt32(littleEndian: w.11)
            let m12 = UInt32(littleEndian: w.12), m13 = UInt32(littleEndian: w.13)
            let m14 = UInt32(littleEndian: w.14), m15 = UInt32(littleEndian: w.15)
            let (a0, b0, c0, d0) = (a, b, c, d)
            // Round 1: F(b, c, d) = (b & c) | (~b & d)
            a = a &+ (d ^ (b & (c ^ d))) &+ m0 &+ 0xd76a_a478
            a = b &+ (a &<< 7 | a &>> 25)
            d = d &+ (c ^ (a & (b ^ c))) &+ m1 &+ 0xe8c7_b756
            d = a &+ (d &<< 12 | d &>> 20)
            c = c &+ (b ^ (d & (a ^ b))) &+ m2 &+ 0x2420_70db
            c = d &+ (c &<< 17 | c &>> 15)
            b = b &+ (a ^ (c & (d ^ a))) &+ m3 &+ 0xc1bd_ceee
            b = c &+ (b &<< 22 | b &>> 10)
            a = a &+ (d ^ (b & (c ^ d))) &+ m4 &+ 0xf57c_0faf
            a = b &+ (a &<< 7 | a &>> 25)
            d = d &+ (c ^ (a & (b ^ c))) &+ m5 &+ 0x4787_c62a
            d = a &+ (d &<< 12 | d &>> 20)
            c = c &+ (b ^ (d & (a ^ b))) &+ m6 &+ 0xa830_4613
            c = d &+ (c &<< 17 | c &>> 15)
            b = b &+ (a ^ (c & (d ^ a))) &+ m7 &+ 0xfd46_9501
            b = c &+ (b &<< 22 | b &>> 10)
            a = a &+ (d ^ (b & (c ^ d))) &+ m8 &+ 0x6980_98d8
            a = b &+ (a &<< 7 | a &>> 25)
            d = d &+ (c ^ (a & (b ^ c))) &+ m9 &+ 0x8b44_f7af
            d = a &+ (d &<< 12 | d &>> 20)
            c = c &+ (b ^ (d & (a ^ b))) &+ m10 &+ 0xffff_5bb1
            c = d &+ (c &<< 17 | c &>> 15)
            b = b &+ (a ^ (c & (d ^ a))) &+ m11 &+ 0x895c_d7be
            b = c &+ (b &<< 22 | b &>> 10)
            a = a &+ (d ^ (b & (c ^ d))) &+ m12 &+ 0x6b90_1122
            a = b &+ (a &<< 7 | a &>> 25)
            d = d &+ (c ^ (a & (b ^ c))) &+ m13 &+ 0xfd98_7193
            d = a &+ (d &<< 12 | d &>> 20)
            c = c &+ (b ^ (d & (a ^ b))) &+ m14 &+ 0xa679_438e
            c = d &+ (c &<< 17 | c &>> 15)
            b = b &+ (a ^ (c & (d ^ a))) &+ m15 &+ 0x49b4_0821
            b = c &+ (b &<< 22 | b &>> 10)
            // Round 2: G(b, c, d) = (b & d) | (c & ~d)
            a = a &+ (c ^ (d & (b ^ c))) &+ m1 &+ 0xf61e_2562
            a = b &+ (a &<< 5 | a &>> 27)
            d = d &+ (b ^ (c & (a ^ b))) &+ m6 &+ 0xc040_b340
            d = a &+ (d &<< 9 | d &>> 23)
            c = c &+ (a ^ (b & (d ^ a))) &+ m11 &+ 0x265e_5a51
            c = d &+ (c &<< 14 | c &>> 18)
            b = b &+ (d ^ (a & (c ^ d))) &+ m0 &+ 0xe9b6_c7aa
            b = c &+ (b &<< 20 | b &>> 12)
            a = a &+ (c ^ (d & (b ^ c))) &+ m5 &+ 0xd62f_105d
            a = b &+ (a &<< 5 | a &>> 27)
            d = d &+ (b ^ (c & (a ^ b))) &+ m10 &+ 0x0244_1453
            d = a &+ (d &<< 9 | d &>> 23)
            c = c &+ (a ^ (b & (d ^ a))) &+ m15 &+ 0xd8a1_e681
            c = d &+ (c &<< 14 | c &>> 18)
            b = b &+ (d ^ (a & (c ^ d))) &+ m4 &+ 0xe7d3_fbc8
            b = c &+ (b &<< 20 | b &>> 12)
            a = a &+ (c ^ (d & (b ^ c))) &+ m9 &+ 0x21e1_cde6
            a = b &+ (a &<< 5 | a &>> 27)
            d = d &+ (b ^ (c & (a ^ b))) &+ m14 &+ 0xc337_07d6
            d = a &+ (d &<< 9 | d &>> 23)
            c = c &+ (a ^ (b & (d ^ a))) &+ m3 &+ 0xf4d5_0d87
            c = d &+ (c &<< 14 | c &>> 18)
            b = b &+ (d ^ (a & (c ^ d))) &+ m8 &+ 0x455a_14ed
            b = c &+ (b &<< 20 | b &>> 12)
            a = a &+ (c ^ (d & (b ^ c))) &+ m13 &+ 0xa9e3_e905
            a = b &+ (a &<< 5 | a &>> 27)
            d = d &+ (b ^ (c & (a ^ b))) &+ m2 &+ 0xfcef_a3f8
            d = a &+ (d &<< 9 | d &>> 23)
            c = c &+ (a ^ (b & (d ^ a))) &+ m7 &+ 0x676f_02d9
            c = d &+ (c &<< 14 | c &>> 18)
            b = b &+ (d ^ (a & (c ^ d))) &+ m12 &+ 0x8d2a_4c8a
            b = c &+ (b &<< 20 | b &>> 12)
            // Round 3: H(b, c, d) = b ^ c ^ d
            a = a &+ (b ^ c ^ d) &+ m5 &+ 0xfffa_3942
            a = b &+ (a &<< 4 | a &>> 28)
            d = d &+ (a ^ b ^ c) &+ m8 &+ 0x8771_f681
            d = a &+ (d &<< 11 | d &>> 21)
            c = c &+ (d ^ a ^ b) &+ m11 &+ 0x6d9d_6122
            c = d &+ (c &<< 16 | c &>> 16)
            b = b &+ (c ^ d ^ a) &+ m14 &+ 0xfde5_380c
            b = c &+ (b &<< 23 | b &>> 9)
            a = a &+ (b ^ c ^ d) &+ m1 &+ 0xa4be_ea44
            a = b &+ (a &<< 4 | a &>> 28)
            d = d &+ (a ^ b ^ c) &+ m4 &+ 0x4bde_cfa9
            d = a &+ (d &<< 11 | d &>> 21)
            c = c &+ (d ^ a ^ b) &+ m7 &+ 0xf6bb_4b60
            c = d &+ (c &<< 16 | c &>> 16)
            b = b &+ (c ^ d ^ a) &+ m10 &+ 0xbebf_bc70
            b = c &+ (b &<< 23 | b &>> 9)
            a = a &+ (b ^ c ^ d) &+ m13 &+ 0x289b_7ec6
            a = b &+ (a &<< 4 | a &>> 28)
            d = d &+ (a ^ b ^ c) &+ m0 &+ 0xeaa1_27fa
            d = a &+ (d &<< 11 | d &>> 21)
            c = c &+ (d ^ a ^ b) &+ m3 &+ 0xd4ef_3085
            c = d &+ (c &<< 16 | c &>> 16)
            b = b &+ (c ^ d ^ a) &+ m6 &+ 0x0488_1d05
            b = c &+ (b &<< 23 | b &>> 9)
            a = a &+ (b ^ c ^ d) &+ m9 &+ 0xd9d4_d039
            a = b &+ (a &<< 4 | a &>> 28)
            d = d &+ (a ^ b ^ c) &+ m12 &+ 0xe6db_99e5
            d = a &+ (d &<< 11 | d &>> 21)
            c = c &+ (d ^ a ^ b) &+ m15 &+ 0x1fa2_7cf8
            c = d &+ (c &<< 16 | c &>> 16)
            b = b &+ (c ^ d ^ a) &+ m2 &+ 0xc4ac_5665
            b = c &+ (b &<< 23 | b &>> 9)
            // Round 4: I(b, c, d) = c ^ (b | ~d)
            a = a &+ (c ^ (b | ~d)) &+ m0 &+ 0xf429_2244
            a = b &+ (a &<< 6 | a &>> 26)
            d = d &+ (b ^ (a | ~c)) &+ m7 &+ 0x432a_ff97
            d = a &+ (d &<< 10 | d &>> 22)
            c = c &+ (a ^ (d | ~b)) &+ m14 &+ 0xab94_23a7
            c = d &+ (c &<< 15 | c &>> 17)
            b = b &+ (d ^ (c | ~a)) &+ m5 &+ 0xfc93_a039
            b = c &+ (b &<< 21 | b &>> 11)
            a = a &+ (c ^ (b | ~d)) &+ m12 &+ 0x655b_59c3
            a = b &+ (a &<< 6 | a &>> 26)
            d = d &+ (b ^ (a | ~c)) &+ m3 &+ 0x8f0c_cc92
            d = a &+ (d &<< 10 | d &>> 22)
            c = c &+ (a ^ (d | ~b)) &+ m10 &+ 0xffef_f47d
            c = d &+ (c &<< 15 | c &>> 17)
            b = b &+ (d ^ (c | ~a)) &+ m1 &+ 0x8584_5dd1
            b = c &+ (b &<< 21 | b &>> 11)
            a = a &+ (c ^ (b | ~d)) &+ m8 &+ 0x6fa8_7e4f
            a = b &+ (a &<< 6 | a &>> 26)
            d = d &+ (b ^ (a | ~c)) &+ m15 &+ 0xfe2c_e6e0
            d = a &+ (d &<< 10 | d &>> 22)
            c = c &+ (a ^ (d | ~b)) &+ m6 &+ 0xa301_4314
            c = d &+ (c &<< 15 | c &>> 17)
            b = b &+ (d ^ (c | ~a)) &+ m13 &+ 0x4e08_11a1
            b = c &+ (b &<< 21 | b &>> 11)
            a = a &+ (c ^ (b | ~d)) &+ m4 &+ 0xf753_7e82
            a = b &+ (a &<< 6 | a &>> 26)
            d = d &+ (b ^ (a | ~c)) &+ m11 &+ 0xbd3a_f235
            d = a &+ (d &<< 10 | d &>> 22)
            c = c &+ (a ^ (d | ~b)) &+ m2 &+ 0x2ad7_d2bb
            c = d &+ (c &<< 15 | c &>> 17)
            b = b &+ (d ^ (c | ~a)) &+ m9 &+ 0xeb86_d391
            b = c &+ (b &<< 21 | b &>> 11)
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
