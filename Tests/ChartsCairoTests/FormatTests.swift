import TestSupport
import Charts
import ChartsCairo
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct FormatTests {
    let figure = TestRendering.textFreeFigure()
    let labelled = Figure(
        .line(
            LineChart(
                title: "Loss", xAxis: AxisSpec(label: "epoch"), yAxis: AxisSpec(label: "loss"),
                series: [LineSeries("train", x: [1, 2, 3], y: [0.9, 0.5, 0.3])])), size: Size(width: 320, height: 200))

    @Test(arguments: [1, 2])
    func pngHasSignatureSizeAndTextChunks(scale: Int) throws {
        let metadata = FigureMetadata(title: "Loss", software: "nnreport 0.1.0", command: "nnreport mnist --epochs 3")
        let bytes = try TestRendering.renderer.render(labelled, format: .png, scale: scale, metadata: metadata)
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let info = try PNGFileInfo(bytes)
        #expect(info.width == 320 * scale && info.height == 200 * scale)
        #expect(info.bitDepth == 8 && info.colorType == 2)
        #expect(info.chunkTypes.first == "IHDR" && info.chunkTypes.last == "IEND")
        #expect(info.texts == ["Title": "Loss", "Software": "nnreport 0.1.0", "Command": "nnreport mnist --epochs 3"])
        let decoded = try PNGCodec.decode(bytes)
        #expect(decoded.width == 320 * scale && decoded.height == 200 * scale)
    }

    @Test func nonLatinTextGoesIntoAnInternationalChunk() throws {
        let command = "nnreport mnist --out 报告/λ"
        let bytes = try TestRendering.renderer.render(
            figure, format: .png,
            metadata: FigureMetadata(title: "Genauigkeit über Epochen", command: command))
        let info = try PNGFileInfo(bytes)
        #expect(info.texts["Command"] == command)
        #expect(info.texts["Title"] == "Genauigkeit über Epochen")
        #expect(info.chunkTypes.contains("iTXt") && info.chunkTypes.contains("tEXt"))
    }

    @Test func corruptedPNGIsRejected() throws {
        var bytes = try TestRendering.renderer.render(figure, format: .png)
        bytes[40] ^= 0xFF
        #expect(throws: PNGFileInfo.Problem.self) { try PNGFileInfo(bytes) }
        #expect(throws: PNGFileInfo.Problem.badSignature) { try PNGFileInfo(Array("GIF89a..".utf8)) }
        #expect(throws: RenderError.self) { try PNGCodec.decode(Array(bytes.prefix(30))) }
    }

    @Test func svgIsWellFormedXMLWithThePixelSize() throws {
        let bytes = try TestRendering.renderer.render(labelled, format: .svg)
        let parser = XMLParser(data: Data(bytes))
        let delegate = RootElement()
        parser.delegate = delegate
        #expect(parser.parse(), "SVG does not parse: \(String(describing: parser.parserError))")
        #expect(delegate.name == "svg")
        #expect(delegate.attributes["width"] == "320px" && delegate.attributes["height"] == "200px")
    }

    @Test func pdfHasHeaderTrailerAndFixedInformation() throws {
        let bytes = try TestRendering.renderer.render(
            labelled, format: .pdf,
            metadata: FigureMetadata(title: "Loss", software: "nnreport 0.1.0", command: "nnreport mnist"))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-1.5"))
        #expect(text.hasSuffix("%%EOF\n"))
        #expect(text.contains("/Title (Loss)") && text.contains("/Creator (nnreport 0.1.0)"))
        #expect(text.contains("/CreationDate (19700101000000Z)"))
        #expect(text.contains("/MediaBox [ 0 0 320 200 ]"))
    }

    @Test func writeIsAtomicAndReportsFailures() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "nnreport-write-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("loss.png")
        try TestRendering.renderer.write(figure, to: url, format: .png, scale: 2)
        #expect(try PNGFileInfo([UInt8](Data(contentsOf: url))).width == 320)
        let missing = folder.appendingPathComponent("no/such/folder/loss.png")
        #expect { try TestRendering.renderer.write(figure, to: missing, format: .png) } throws: { error in
            guard case .writeFailed(let path, _) = error as? RenderError else { return false }
            return path == missing.path
        }
    }
}

/// Records the root element of an XML document.
private final class RootElement: NSObject, XMLParserDelegate {
    var name: String?
    var attributes: [String: String] = [:]

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == nil {
            name = elementName
            self.attributes = attributes
        }
    }
}
