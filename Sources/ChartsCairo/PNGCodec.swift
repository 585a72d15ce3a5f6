import CPNG
import Charts

// The only file that imports CPNG (libpng). Encoding goes through the CPNG shim, which keeps
// libpng's setjmp error handling in C; decoding uses libpng's simplified API, which reports
// errors through its `message` field.

/// PNG encoding and decoding through libpng.
public enum PNGCodec {

    /// Encodes rows of native-endian 0xXXRRGGBB words (a Cairo RGB24 surface) as 8-bit RGB.
    static func encodeXRGB32(
        pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int, encoding: PNGEncoding,
        metadata: FigureMetadata
    ) throws(RenderError) -> [UInt8] {
        let chunks = try metadata.pngTextChunks.map { chunk throws(RenderError) in
            try TextChunk(chunk.keyword, chunk.text)
        }
        let keys = chunks.map { duplicate($0.keyword) }
        let texts = chunks.map { duplicate($0.text) }
        defer {
            keys.forEach { $0.deallocate() }
            texts.forEach { $0.deallocate() }
        }
        let cChunks = chunks.indices.map { i in
            CPNG_TextChunk(key: keys[i], text: texts[i], international: chunks[i].international ? 1 : 0)
        }
        var buffer = CPNG_Buffer(data: nil, size: 0, capacity: 0)
        defer { free(buffer.data) }
        var message = [CChar](repeating: 0, count: Int(CPNG_MESSAGE_SIZE))
        let ok = cChunks.withUnsafeBufferPointer { chunkPointer in
            CPNG_encodeXRGB32(
                pixels, UInt32(width), UInt32(height), stride, Int32(encoding.level), filterMask(encoding.filter),
                strategy(encoding.strategy), chunkPointer.baseAddress, Int32(cChunks.count), &buffer, &message)
        }
        guard ok == 1, let data = buffer.data else {
            throw RenderError.png(
                operation: "encoding a \(width)x\(height) image",
                message: String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return Array(UnsafeBufferPointer(start: data, count: buffer.size))
    }

    /// Decodes any PNG into 8-bit RGBA pixels (for tests and checks of written files).
    public static func decode(_ bytes: [UInt8]) throws(RenderError) -> RasterImage {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        let began = bytes.withUnsafeBytes { raw in
            png_image_begin_read_from_memory(&image, raw.baseAddress, raw.count)
        }
        guard began != 0 else { throw RenderError.png(operation: "reading a PNG header", message: message(of: image)) }
        defer { png_image_free(&image) }
        image.format = UInt32(CPNG_FORMAT_RGBA)
        let width = Int(image.width), height = Int(image.height)
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        let finished = bytes.withUnsafeBytes { _ in
            pixels.withUnsafeMutableBytes { out in
                png_image_finish_read(&image, nil, out.baseAddress, Int32(width * 4), nil)
            }
        }
        guard finished != 0 else { throw RenderError.png(operation: "decoding a PNG", message: message(of: image)) }
        return RasterImage(width: width, height: height, pixels: pixels)
    }

    private static func message(of image: png_image) -> String {
        var copy = image.message
        return withUnsafeBytes(of: &copy) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    private static func filterMask(_ filter: PNGEncoding.Filter) -> Int32 {
        switch filter {
        case .none: PNG_FILTER_NONE
        case .sub: PNG_FILTER_SUB
        case .up: PNG_FILTER_UP
        case .average: PNG_FILTER_AVG
        case .paeth: PNG_FILTER_PAETH
        case .adaptive: Int32(CPNG_ALL_FILTERS)
        }
    }

    private static func strategy(_ strategy: PNGEncoding.Strategy) -> Int32 {
        switch strategy {
        case .default: Int32(CPNG_STRATEGY_DEFAULT)
        case .filtered: Int32(CPNG_STRATEGY_FILTERED)
        case .runLength: Int32(CPNG_STRATEGY_RLE)
        }
    }

    private static func duplicate(_ bytes: [UInt8]) -> UnsafeMutablePointer<CChar> {
        let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
        for (i, b) in bytes.enumerated() { pointer[i] = CChar(bitPattern: b) }
        pointer[bytes.count] = 0
        return pointer
    }

    /// A validated text chunk: Latin-1 keyword, and Latin-1 text (tEXt) or UTF-8 text (iTXt).
    struct TextChunk {
        var keyword: [UInt8]
        var text: [UInt8]
        var international: Bool

        init(_ keyword: String, _ text: String) throws(RenderError) {
            let keyBytes = keyword.unicodeScalars.map(\.value)
            guard (1...79).contains(keyBytes.count),
                keyBytes.allSatisfy({ (32...126).contains($0) || (161...255).contains($0) }),
                keyBytes.first != 32, keyBytes.last != 32, !keyword.contains("  ")
            else {
                throw RenderError.invalidMetadata(
                    keyword: keyword,
                    reason: "keywords are 1-79 printable Latin-1 characters without leading, trailing or double spaces")
            }
            guard !text.unicodeScalars.contains("\u{0}") else {
                throw RenderError.invalidMetadata(keyword: keyword, reason: "the text contains a NUL character")
            }
            self.keyword = keyBytes.map { UInt8($0) }
            if text.unicodeScalars.allSatisfy({ $0.value <= 0xFF }) {
                self.text = text.unicodeScalars.map { UInt8($0.value) }
                international = false
            } else {
                self.text = Array(text.utf8)
                international = true
            }
        }
    }
}
