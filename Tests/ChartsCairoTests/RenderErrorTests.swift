import Charts
import ChartsCairo
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

    @Test func invalidPNGKeywordsAreRejected() {
        #expect {
            try TestRendering.renderer.render(
                TestRendering.textFreeFigure(), format: .png,
                metadata: FigureMetadata(title: "a\u{0}b"))
        } throws: { error in
            guard case .invalidMetadata(let keyword, _) = error as? RenderError else { return false }
            return keyword == "Title"
        }
    }

    @Test func oversizedRasterIsRefusedBeforeCairo() {
        let huge = Figure(.empty, size: Size(width: 40_000, height: 10))
        #expect(throws: RenderError.imageTooLarge(width: 40_000, height: 10)) {
            try TestRendering.renderer.render(huge, format: .png)
        }
    }
}
