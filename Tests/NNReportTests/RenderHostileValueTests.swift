import ChartsCairo
import Foundation
import Testing
import TestSupport

/// Valid logs at the edges (issue 16): every finite value, the largest epoch, and any metric
/// name must give a report, through the built binary, never a signal death or a wrong error.
@Suite struct RenderHostileValueTests {
    /// Renders a CSV with `text` into `<root>/report`; returns the folder, the output and the root.
    func render(csv text: String, name: String = "log.csv") throws -> (
        out: URL, result: CommandRunner.Output, root: URL
    ) {
        let root = try TestData.makeTemporaryDirectory()
        let input = root.appendingPathComponent(name)
        try Data(text.utf8).write(to: input)
        let out = root.appendingPathComponent("report")
        let result = try CommandRunner.run(["render", input.path, "--out", out.path, "--quiet"], in: root)
        return (out, result, root)
    }

    static func expectRendered(
        _ result: CommandRunner.Output, _ out: URL, sourceLocation: SourceLocation = #_sourceLocation
    )
        throws
    {
        #expect(result.status == 0, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(
            !result.stderr.contains("Fatal error") && !result.stderr.contains("Precondition failed"),
            "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        let pngs = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".png") }
        #expect(!pngs.isEmpty, sourceLocation: sourceLocation)
        for png in pngs {
            let image = try PNGCodec.decode([UInt8](Data(contentsOf: out.appendingPathComponent(png))))
            #expect(image.width > 0 && image.height > 0, sourceLocation: sourceLocation)
        }
    }

    /// Before: "Precondition failed: a scale needs a finite domain of positive width" (1e308),
    /// "tick step 0.0 is too fine" (1e-320), "Double value cannot be converted to Int" (the epoch).
    @Test(arguments: [
        ("huge", "epoch,loss,accuracy\n0,1,0.5\n1,1e308,0.6\n"),
        ("subnormal", "epoch,loss\n0,1e-320\n1,2e-320\n"),
        ("largest epoch", "epoch,loss\n9223372036854775807,1\n"),
        ("both ends", "step,loss\n1,-1.7976931348623157e308\n2,1.7976931348623157e308\n3,0\n"),
        ("tiny and huge", "step,loss\n1,1e-300\n2,1e300\n3,4.9e-324\n"),
        ("flat subnormal", "step,loss\n1,5e-324\n2,5e-324\n"),
    ])
    func extremeValuesRender(label: String, csv: String) throws {
        let (out, result, root) = try render(csv: csv)
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.expectRendered(result, out)
    }

    /// Before: "Cannot write mmm…m.png …: File name too long. Free some disk space…".
    @Test func aMetricNameOf300CharactersGetsAShortenedFileAndKeepsItsNameInTheText() throws {
        let name = String(repeating: "m", count: 300)
        let (out, result, root) = try render(csv: "epoch,\(name)\n0,1\n1,0.5\n")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.expectRendered(result, out)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(files.allSatisfy { $0.utf8.count <= 255 })
        let readme = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(name), "the full name is not in the README")
        let png = try #require(files.first { $0.hasSuffix(".png") })
        #expect(readme.contains("](\(png))"))
    }

    /// Before: "PNG text chunk \"Title\" is invalid: the text contains a NUL character".
    @Test func aNULInAMetricNameIsEscapedInThePNGText() throws {
        let (out, result, root) = try render(csv: "epoch,lo\u{0}ss\n0,1\n1,0.5\n")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.expectRendered(result, out)
        let png = try #require(
            try FileManager.default.contentsOfDirectory(atPath: out.path).first { $0.hasSuffix(".png") })
        let title = try PNGFileInfo([UInt8](Data(contentsOf: out.appendingPathComponent(png)))).texts["Title"]
        #expect(title?.contains("\u{0}") == false)
    }

    /// Before: "Cannot write '/…/.rrr…r.partial-…'" (the staging name went past 255 bytes).
    @Test func anOutNameOf230CharactersWorks() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("log.csv")
        try Data("epoch,loss\n0,1\n1,0.5\n".utf8).write(to: input)
        let out = root.appendingPathComponent(String(repeating: "r", count: 230))
        let result = try CommandRunner.run(["render", input.path, "--out", out.path, "--quiet"], in: root)
        try Self.expectRendered(result, out)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [
                "log.csv", out.lastPathComponent,
            ])
    }
}
