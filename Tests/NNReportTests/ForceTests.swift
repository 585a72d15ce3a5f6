import Foundation
import Metrics
import Testing
import TestSupport

/// `--force` destroys nothing but a report nnreport wrote (issue 16). Before, each of these
/// deleted the folder: `--out ..` from a subfolder, `render logs --out logs`, `mnist --data-dir
/// dd --out dd`, a folder holding `.git`. Each is now refused with the reason, exit 64, and the
/// folder is untouched.
@Suite struct ForceTests {
    static let log = "epoch,loss\n0,1.0\n1,0.5\n"

    /// A folder `root/logs` with a log in it; returns the log.
    static func makeLogs(in root: URL) throws -> URL {
        let logs = root.appendingPathComponent("logs")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        let file = logs.appendingPathComponent("run.csv")
        try Data(log.utf8).write(to: file)
        return file
    }

    static func expectRefused(
        _ result: CommandRunner.Output, reason: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == 64, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(
            result.stderr.contains("Refusing to replace"), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(reason), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test func theInputsOfRenderAreNeverReplaced() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = try Self.makeLogs(in: root)
        let result = try CommandRunner.run(["render", file.path, "--out", "logs", "--force"], in: root)
        Self.expectRefused(result, reason: "it holds an input of this command (\(file.path))")
        #expect(try String(contentsOf: file, encoding: .utf8) == Self.log)
    }

    @Test func theCurrentFolderAndItsParentsAreNeverReplaced() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = try Self.makeLogs(in: root)
        let sub = root.appendingPathComponent("work/sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        for out in ["..", "."] {
            let result = try CommandRunner.run(["render", file.path, "--out", out, "--force"], in: sub)
            Self.expectRefused(result, reason: out == "." ? "it is the current folder" : "it holds the current folder")
        }
        #expect(FileManager.default.fileExists(atPath: sub.path))
    }

    @Test func aRepositoryAndAFolderNNReportDidNotWriteAreNeverReplaced() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = try Self.makeLogs(in: root)
        let repo = root.appendingPathComponent("repo"), notes = root.appendingPathComponent("notes")
        try FileManager.default.createDirectory(
            at: repo.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: notes.appendingPathComponent("todo.txt"))
        Self.expectRefused(
            try CommandRunner.run(["render", file.path, "--out", repo.path, "--force"], in: root),
            reason: "it holds a Git repository (.git)")
        Self.expectRefused(
            try CommandRunner.run(["render", file.path, "--out", notes.path, "--force"], in: root),
            reason: "nnreport did not write it")
        #expect(FileManager.default.fileExists(atPath: repo.appendingPathComponent(".git").path))
        #expect(FileManager.default.fileExists(atPath: notes.appendingPathComponent("todo.txt").path))
    }

    @Test func theDataFolderIsNeverReplacedAndTheRefusalComesBeforeLoading() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("dd")
        try FileManager.default.copyItem(at: TestData.mnistDirectory, to: data)
        // Even when it looks like a report folder.
        try Data(#"{"version": "0.1.0", "command": "nnreport mnist"}"#.utf8).write(
            to: data.appendingPathComponent("summary.json"))
        let result = try CommandRunner.run(
            ["mnist", "--data-dir", "dd", "--out", "dd", "--force", "--epochs", "1", "--train-limit", "500"], in: root)
        Self.expectRefused(result, reason: "it is the data set's folder")
        #expect(!result.stderr.contains("test images from"), "the data was loaded first: \(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.path).count == 6)
    }

    /// A report nnreport wrote is replaced, marker and all; the old files are gone and no
    /// hidden folder is left beside it.
    @Test func aReportNNReportWroteIsReplacedWhole() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = try Self.makeLogs(in: root)
        #expect(try CommandRunner.run(["render", file.path, "--out", "report", "--quiet"], in: root).status == 0)
        try Data("old".utf8).write(to: root.appendingPathComponent("report/extra.txt"))
        let marker = try String(contentsOf: root.appendingPathComponent("report/.nnreport"), encoding: .utf8)
        let json = try JSONParser.parse(marker)
        #expect(json["written_by"] == "nnreport" && json["command"]?.stringValue?.hasPrefix("nnreport render") == true)
        let result = try CommandRunner.run(["render", file.path, "--out", "report", "--force", "--quiet"], in: root)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("report/extra.txt").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["logs", "report"])
    }

    /// Before: a link to an empty folder was silently replaced by a real folder, and a dangling
    /// link failed only after the whole run.
    @Test func aSymbolicLinkOutNeedsForceAndADanglingOneFailsFirst() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = try Self.makeLogs(in: root)
        let empty = root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("out").path, withDestinationPath: "empty")
        var result = try CommandRunner.run(["render", file.path, "--out", "out", "--quiet"], in: root)
        #expect(
            result.status == 64 && result.stderr.contains("is a symbolic link to 'empty'"), "stderr: \(result.stderr)")
        result = try CommandRunner.run(["render", file.path, "--out", "out", "--force", "--quiet"], in: root)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty.path).isEmpty)

        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("gone").path, withDestinationPath: "nowhere")
        let started = Date()
        result = try CommandRunner.run(
            ["mnist", "--out", "gone", "--epochs", "1", "--train-limit", "500", "--quiet"], in: root,
            environment: ["NNREPORT_DATA": TestData.dataRoot.path])
        #expect(result.status == 64 && result.stderr.contains("which does not exist"), "stderr: \(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 5, "it failed only after loading or training")
    }

    /// Hidden staging folders of a dead process are removed, one line each on standard error.
    @Test func leftoversOfADeadRunAreRemovedAndNamed() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = try Self.makeLogs(in: root)
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        let pid = dead.processIdentifier
        let leftover = root.appendingPathComponent(".old.partial-\(pid)-42")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, 255)
        let marker =
            #"{"written_by":"nnreport","version":"0.1.0","command":"nnreport mnist","host":"\#(String(cString: host))","pid":\#(pid)}"#
        try Data((marker + "\n").utf8).write(to: leftover.appendingPathComponent(".nnreport"))
        for i in 0..<50 { try Data().write(to: leftover.appendingPathComponent("f\(i).png")) }

        let result = try CommandRunner.run(["render", file.path, "--out", "report"], in: root)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stderr.split(separator: "\n").filter { $0.contains(leftover.path) }
        #expect(lines.count == 1 && lines[0].contains("process \(pid)"), "stderr: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
    }
}
