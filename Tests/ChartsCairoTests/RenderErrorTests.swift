import TestSupport
import Charts
@testable import ChartsCairo
import Foundation
import Testing

@Suite struct RenderErrorTests {
    @Test func missingFontNamesTheFileAndThePackage() {
        #expect(throws: RenderError.fontMissing(path: "/nonexistent/DejaVuSans.ttf")) {
            try FontSet(regularPath: "/nonexistent/DejaVuSans.ttf", boldPath: FontSet.dejaVuSansBoldPath)
        }
        let message = RenderError.fontMissing(path: "/x.ttf").description
        #expect(message.contains("/x.ttf") && message.contains("fonts-dejavu-core"))
    }

    @Test func unreadableFontIsReportedWithFreeTypesError() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-font-\(UUID().uuidString).ttf")
        try Data("definitely not a font".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect { try FontSet(regularPath: url.path, boldPath: url.path) } throws: { error in
            guard case .fontUnreadable(let path, let code) = error as? RenderError else { return false }
            return path == url.path && code != 0
        }
    }

    @Test func scaleMustBeOneOrTwo() {
        #expect(throws: RenderError.invalidScale(3)) {
            try TestRendering.renderer.render(TestRendering.textFreeFigure(), format: .png, scale: 3)
        }
    }

    /// A metric name may hold a NUL (issue 16): PNG text may not, so it is escaped, not refused.
    @Test func controlCharactersInPNGTextAreEscaped() throws {
        let bytes = try TestRendering.renderer.render(
            TestRendering.textFreeFigure(), format: .png,
            metadata: FigureMetadata(title: "a\u{0}b\u{7}c\nd", command: "x\u{1B}[31m"))
        let texts = try PNGFileInfo(bytes).texts
        #expect(texts["Title"] == "a\\x00b\\x07c\nd")
        #expect(texts["Command"] == "x\\x1B[31m")
        #expect(FigureMetadata.safeText("a\u{0}b\u{9F}") == "a\\x00b\\x9F")
        let pdf = try TestRendering.renderer.render(
            TestRendering.textFreeFigure(), format: .pdf, metadata: FigureMetadata(title: "a\u{0}b"))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
    }

    @Test func invalidPNGKeywordsAreRejected() {
        #expect {
            try PNGCodec.TextChunk("bad\u{0}key", "text")
        } throws: { error in
            guard case .invalidMetadata(let keyword, _) = error as? RenderError else { return false }
            return keyword == "bad\u{0}key"
        }
        #expect(throws: RenderError.self) { try PNGCodec.TextChunk("Title", "a\u{0}b") }
    }

    @Test func oversizedRasterIsRefusedBeforeCairo() {
        let huge = Figure(.empty, size: Size(width: 40_000, height: 10))
        #expect(throws: RenderError.imageTooLarge(width: 40_000, height: 10)) {
            try TestRendering.renderer.render(huge, format: .png)
        }
    }
}
