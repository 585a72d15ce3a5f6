import Foundation
import Testing
import TestSupport

/// Bad logs and templates: the error names the file and where in it, the exit status is not
/// zero, and no report folder (nor a staging folder) is left behind.
@Suite struct RenderBadInputTests {
    typealias S = RenderTestSupport

    /// Runs `nnreport render <input> --out <root>/report` in `root`, expects it to fail and
    /// leave `root` as it was; returns standard error.
    func failingRender(_ arguments: [String], in root: URL) throws -> String {
        let before = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        let result = try CommandRunner.run(
            ["render"] + arguments + ["--out", root.appendingPathComponent("report").path], in: root)
        #expect(result.status != 0, "render succeeded: \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"), "stderr: \(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == before)
        return result.stderr
    }

    @Test func aMalformedCSVLineNamesTheFileLineAndWhatWasExpected() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("training.log")
        try Data("epoch,accuracy,loss,val_accuracy,val_loss\r\n0,0.5,1.0,0.4,1.1\r\n1,0.6,oops,0.5,0.9\r\n".utf8).write(
            to: file)
        let stderr = try failingRender([file.path], in: root)
        #expect(stderr.contains("\(file.path):3:3: expected a number"), "stderr: \(stderr)")
        #expect(stderr.contains("\"oops\""))
    }

    @Test func aMalformedJSONLLineNamesTheLineAndColumn() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let stderr = try failingRender([S.fixture("fuzz/jsonl/error-invalid-utf8.jsonl")], in: root)
        #expect(stderr.contains("error-invalid-utf8.jsonl:2:"), "stderr: \(stderr)")
        #expect(stderr.contains("expected a JSON event object"))
    }

    @Test func anEmptyLogListsTheFormatsTried() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("empty.csv")
        try Data().write(to: file)
        let stderr = try failingRender([file.path], in: root)
        #expect(stderr.contains("\(file.path) is not a training log nnreport can read. Formats tried:"))
        for format in ["jsonl", "keras-csv", "lightning-csv", "tensorboard", "dvclive", "csv"] {
            #expect(stderr.contains("--format-in \(format) ("), "stderr: \(stderr)")
        }
    }

    @Test func anUnrecognisedFolderSaysWhatItLacks() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("shopping list\n".utf8).write(to: folder.appendingPathComponent("todo.txt"))
        let stderr = try failingRender([folder.path], in: root)
        #expect(stderr.contains("no metrics.jsonl"), "stderr: \(stderr)")
        #expect(stderr.contains("no events.out.tfevents.*"))
    }

    @Test func aCorruptRecordLengthNamesTheRecord() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let stderr = try failingRender([S.fixture("tensorboard/bad_length_crc")], in: root)
        #expect(
            stderr.contains("events.out.tfevents.1700000000.fixture: record 5 at byte 232 is corrupt"),
            "stderr: \(stderr)")
    }

    @Test func aRecordWithABadDataCRCIsSkippedAndNamedInAWarning() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("report")
        let result = try CommandRunner.run(["render", S.fixture("tensorboard/bad_data_crc"), "--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("records with a bad data CRC skipped (first: record 3 at byte 136"))
        let readme = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("records with a bad data CRC skipped (first: record 3 at byte 136"))
    }

    @Test func aMissingInputAndAWrongForcedFormatAreErrors() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let missing = try failingRender(["nothere.csv"], in: root)
        #expect(
            missing.contains("cannot read \(root.appendingPathComponent("nothere.csv").path): no such file or folder"))
        let forced = try failingRender([S.fixture("keras/new_names.csv"), "--format-in", "tensorboard"], in: root)
        #expect(forced.contains("new_names.csv"), "stderr: \(forced)")
        let unknown = try failingRender([S.fixture("keras/new_names.csv"), "--format-in", "excel"], in: root)
        #expect(unknown.contains("--format-in"), "stderr: \(unknown)")
    }

    @Test func anEmptyGitHubSummaryPathIsRefusedBeforeAnyWork() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // What `--github-summary "$GITHUB_STEP_SUMMARY"` gives outside GitHub Actions.
        let stderr = try failingRender([S.fixture("keras/new_names.csv"), "--github-summary", ""], in: root)
        #expect(stderr.contains("--github-summary '' is empty"), "stderr: \(stderr)")
    }

    @Test func aBrokenTemplateIsReportedAsFileLineColumn() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let templates = root.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let template = templates.appendingPathComponent("comparison.md.mustache")
        try Data("{{% CONTENT_TYPE: TEXT}}\n# {{title}}\n\n{{#runs}}\n| {{name}} |\n{{/run}}\n".utf8).write(
            to: template)
        let stderr = try failingRender(
            [S.fixture("keras/new_names.csv"), S.fixture("keras/old_names.csv"), "--templates", templates.path],
            in: root)
        let match = stderr.firstMatch(of: /Error: (.+):(\d+):(\d+): (.+)\n/)
        #expect(match?.output.1 == template.path[...], "stderr: \(stderr)")
        #expect(match.flatMap { Int($0.output.2) } == 6)
        #expect(match?.output.4.contains("does not match") == true)
    }

    @Test func userTemplatesReplaceTheBuiltInOnes() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let templates = root.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data(
            "{{% CONTENT_TYPE: TEXT}}\n# {{title}} <by me>\n{{#metrics}}\n- {{name}}: {{best}} at {{bestAt}}\n{{/metrics}}\n"
                .utf8
        )
        .write(to: templates.appendingPathComponent("log.md.mustache"))
        let out = root.appendingPathComponent("report")
        let result = try CommandRunner.run(
            ["render", S.fixture("keras/new_names.csv"), "--templates", templates.path, "--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let readme = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.hasPrefix("# Training log: new_names <by me>\n- loss: 0.2787 at epoch 6\n"))
    }
}
