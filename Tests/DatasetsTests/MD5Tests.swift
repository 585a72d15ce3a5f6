import Testing

@testable import Datasets

@Suite struct MD5Tests {
    /// The test suite of RFC 1321, appendix A.5.
    @Test(arguments: [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
        (String(repeating: "1234567890", count: 8), "57edf4a22be3c955ac49da2e2107b67a"),
        ("The quick brown fox jumps over the lazy dog", "9e107d9d372bb6826bd81d3542a419d6"),
    ])
    func rfcVectors(message: String, hex: String) {
        #expect(MD5.digest(Array(message.utf8)).hex == hex)
    }

    /// Messages around the 55/56/64-byte padding boundaries, hashed in pieces of every size, give
    /// the same digest as in one piece (exercises the partial-block path).
    @Test(arguments: [55, 56, 63, 64, 65, 119, 120, 128, 1000])
    func chunkingDoesNotMatter(length: Int) {
        let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 37 + 11) }
        let whole = MD5.digest(message)
        for piece in [1, 3, 7, 63, 64, 65] {
            var md5 = MD5()
            var start = 0
            while start < message.count {
                let end = min(message.count, start + piece)
                md5.update(Array(message[start..<end]))
                start = end
            }
            #expect(md5.finalize() == whole, "piece \(piece)")
        }
    }

    /// One million "a": the long-message vector used by NIST and most MD5 test suites.
    @Test func millionAs() {
        #expect(
            MD5.digest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)).hex
                == "7707d6ae4e027c70eea2a935c2296f21")
    }

    @Test func hexRoundTrip() throws {
        let digest = try #require(MD5Digest(hex: "F68B3C2DCBEAAA9FBDD348BBDEB94873"))
        #expect(digest.hex == "f68b3c2dcbeaaa9fbdd348bbdeb94873")
        #expect(MD5Digest(hex: "f68b3c2d") == nil)
        #expect(MD5Digest(hex: "g68b3c2dcbeaaa9fbdd348bbdeb94873") == nil)
    }
}
