/// What a PNG file's chunks say, read without decoding pixels: for checking written figures.
public struct PNGFileInfo: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public var bitDepth: Int
    /// 2 is RGB, 6 is RGBA, 0 is grey.
    public var colorType: Int
    /// tEXt and uncompressed iTXt chunks, keyword -> text, in file order.
    public var texts: [String: String]
    public var chunkTypes: [String]

    /// Why bytes are not a well-formed PNG.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case badSignature
        case truncated(offset: Int)
        case badChecksum(chunk: String, offset: Int)
        case missingHeader
        case missingEnd

        public var description: String {
            switch self {
            case .badSignature: "not a PNG: the 8-byte signature is wrong"
            case .truncated(let offset): "PNG truncated at byte \(offset)"
            case .badChecksum(let chunk, let offset): "PNG chunk \(chunk) at byte \(offset) fails its CRC"
            case .missingHeader: "PNG does not start with an IHDR chunk"
            case .missingEnd: "PNG has no IEND chunk"
            }
        }
    }

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Parses the chunk structure, verifying the signature, every CRC, IHDR first and IEND last.
    public init(_ bytes: [UInt8]) throws(Problem) {
        guard bytes.count >= 8, Array(bytes[0..<8]) == Self.signature else { throw Problem.badSignature }
        func u32(_ i: Int) -> Int {
            Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
        }
        var offset = 8
        var types: [String] = []
        var texts: [String: String] = [:]
        var header: (Int, Int, Int, Int)?
        while offset < bytes.count {
            guard offset + 12 <= bytes.count else { throw Problem.truncated(offset: offset) }
            let length = u32(offset)
            guard offset + 12 + length <= bytes.count else { throw Problem.truncated(offset: offset) }
            let typeBytes = bytes[(offset + 4)..<(offset + 8)]
            let type = String(decoding: typeBytes, as: UTF8.self)
            let data = Array(bytes[(offset + 8)..<(offset + 8 + length)])
            guard CRC32.checksum(bytes[(offset + 4)..<(offset + 8 + length)]) == UInt32(u32(offset + 8 + length)) else {
                throw Problem.badChecksum(chunk: type, offset: offset)
            }
            if types.isEmpty && type != "IHDR" { throw Problem.missingHeader }
            types.append(type)
            switch type {
            case "IHDR" where length >= 10:
                let w = Int(data[0]) << 24 | Int(data[1]) << 16 | Int(data[2]) << 8 | Int(data[3])
                let h = Int(data[4]) << 24 | Int(data[5]) << 16 | Int(data[6]) << 8 | Int(data[7])
                header = (w, h, Int(data[8]), Int(data[9]))
            case "tEXt":
                if let nul = data.firstIndex(of: 0) {
                    let key = String(decoding: data[..<nul], as: UTF8.self)
                    // tEXt is Latin-1: every byte is the code point of the same value.
                    texts[key] = String(String.UnicodeScalarView(data[(nul + 1)...].map { Unicode.Scalar($0) }))
                }
            case "iTXt":
                // keyword NUL compression-flag method language NUL translated-keyword NUL text
                if let nul = data.firstIndex(of: 0), nul + 2 < data.count, data[nul + 1] == 0 {
                    let key = String(decoding: data[..<nul], as: UTF8.self)
                    var rest = data[(nul + 3)...]
                    if let languageEnd = rest.firstIndex(of: 0) {
                        rest = rest[(languageEnd + 1)...]
                        if let translatedEnd = rest.firstIndex(of: 0) {
                            texts[key] = String(decoding: rest[(translatedEnd + 1)...], as: UTF8.self)
                        }
                    }
                }
            default:
                break
            }
            offset += 12 + length
            if type == "IEND" { break }
        }
        guard let header else { throw Problem.missingHeader }
        guard types.last == "IEND" else { throw Problem.missingEnd }
        (width, height, bitDepth, colorType) = header
        self.texts = texts
        chunkTypes = types
    }
}
