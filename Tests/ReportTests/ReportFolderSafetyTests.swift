import Foundation
import Synchronization
import Testing
import TestSupport

@testable import Report

/// What `--force` may replace, how it replaces, and what a dead process left behind (issue 16).
@Suite struct ReportFolderSafetyTests {
    static let marker = ReportFolderMarker(version: "0.1.0", command: "nnreport render a.csv --out run")

    /// A folder nnreport wrote, holding `files`.
    static func makeReport(_ url: URL, files: [String], marker: ReportFolderMarker? = marker) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for name in files { try Data(name.utf8).write(to: url.appendingPathComponent(name)) }
        if let marker { try Data(marker.line.utf8).write(to: url.appendingPathComponent(ReportFolderMarker.fileName)) }
    }

    static func contents(_ url: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    /// A process id that is certainly not running: a child that has exited.
    static func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func everyStagedFolderCarriesTheMarkerAsOneLineOfJSON() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let staging = try StagingDirectory(destination: root.appendingPathComponent("run"), marker: Self.marker)
        let landed = try staging.commit()
        let text = try String(contentsOf: landed.appendingPathComponent(".nnreport"), encoding: .utf8)
        #expect(text.hasSuffix("\n") && text.dropLast().split(separator: "\n").count == 1)
        #expect(ReportFolderMarker.read(in: landed) == Self.marker)
        #expect(Self.marker.pid == getpid() && Self.marker.host == ReportFolderMarker.currentHost)
    }

    @Test func olderReportFoldersAreRecognisedByTheirSummary() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = root.appendingPathComponent("run"), sweep = root.appendingPathComponent("sweep")
        let other = root.appendingPathComponent("other")
        try Self.makeReport(run, files: [], marker: nil)
        try Data(#"{"dataset": "mnist", "version": "0.1.0", "command": "nnreport mnist --epochs 1"}"#.utf8)
            .write(to: run.appendingPathComponent("summary.json"))
        try Self.makeReport(sweep, files: [], marker: nil)
        try Data(#"{"format": "nnreport-sweep", "nnreport": "0.1.0", "command": "nnreport sweep mnist"}"#.utf8)
            .write(to: sweep.appendingPathComponent("sweep.json"))
        try Self.makeReport(other, files: [], marker: nil)
        try Data(#"{"version": "2", "command": "python train.py"}"#.utf8)
            .write(to: other.appendingPathComponent("summary.json"))
        #expect(ReportFolderMarker.isReportFolder(run))
        #expect(ReportFolderMarker.isReportFolder(sweep))
        #expect(!ReportFolderMarker.isReportFolder(other))
    }

    @Test func forceNeverReplacesTheCurrentFolderItsAncestorsARepositoryOrAnInput() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // Every folder below looks like an nnreport report, so only the rule under test can refuse it.
        let logs = root.appendingPathComponent("logs"), sub = root.appendingPathComponent("work/sub")
        let repo = root.appendingPathComponent("repo"), data = root.appendingPathComponent("data")
        for folder in [logs, sub, repo, data] { try Self.makeReport(folder, files: ["x"]) }
        try FileManager.default.createDirectory(
            at: repo.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let link = root.appendingPathComponent("logs-link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: logs)
        let guardian = ReplacementGuard(
            protected: [
                .init(logs.appendingPathComponent("a.csv"), role: "an input of this command"),
                .init(link, role: "the data set's folder"),
            ],
            workingDirectory: sub)
        let cases: [(URL, String)] = [
            (sub, "it is the current folder"),
            (sub.deletingLastPathComponent(), "it holds the current folder"),
            (root, "it holds the current folder"),
            (repo, "it holds a Git repository (.git)"),
            (logs, "it holds an input of this command"),
            (data, ""),
        ]
        for (folder, reason) in cases {
            let refusal = guardian.refusal(toReplace: folder)
            if reason.isEmpty {
                #expect(refusal == nil, "\(folder.path): \(refusal ?? "")")
            } else {
                #expect(refusal?.hasPrefix(reason) == true, "\(folder.path): \(refusal ?? "accepted")")
            }
            if !reason.isEmpty {
                #expect(throws: ReportError.self) {
                    _ = try StagingDirectory(destination: folder, replaceExisting: true, replacementGuard: guardian)
                }
                #expect(FileManager.default.fileExists(atPath: folder.path), "\(folder.path) was removed")
            }
        }
        #expect(try Self.contents(sub).contains("x") && Self.contents(logs).contains("x"))
        // The data set reached through a link: the link's target is protected as well.
        #expect(
            ReplacementGuard(protected: [.init(link, role: "the data set's folder")]).refusal(toReplace: logs)
                == "it is the data set's folder (\(link.path))")
    }

    @Test func anEmptyCurrentFolderIsNotTakenOverEither() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let here = root.appendingPathComponent("here")
        try FileManager.default.createDirectory(at: here, withIntermediateDirectories: true)
        #expect(throws: ReportError.self) {
            _ = try StagingDirectory(destination: here, replacementGuard: ReplacementGuard(workingDirectory: here))
        }
        // Anywhere else an empty folder is simply filled.
        let staging = try StagingDirectory(destination: here)
        try staging.write("x", to: "f")
        #expect(try staging.commit().path == here.path)
    }

    /// A reader listing the report while it is replaced over and over sees one whole report
    /// every time (or, between the two renames, none): never a mixture or a half-deleted one.
    /// Before, the old files were deleted one by one under the final name.
    @Test func aReaderNeverSeesAMixedOrPartialReport() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let destination = root.appendingPathComponent("report")
        let names: @Sendable (String) -> [String] = { tag in (0..<23).map { "\(tag)\($0).png" } }
        try Self.makeReport(destination, files: names("a"))
        let stop = Atomic<Bool>(false)
        let bad = Mutex<[[String]]>([])
        let reads = Atomic<Int>(0)
        let reader = Thread {
            while !stop.load(ordering: .relaxed) {
                // A listing counts when the name held the same folder before and after it: one
                // opened just before the old report was renamed away may see its deletion.
                var before = stat(), after = stat()
                guard lstat(destination.path, &before) == 0,
                    var seen = try? FileManager.default.contentsOfDirectory(atPath: destination.path),
                    lstat(destination.path, &after) == 0, after.st_ino == before.st_ino
                else { continue }
                reads.add(1, ordering: .relaxed)
                seen.removeAll { $0 == ReportFolderMarker.fileName }
                if Set(seen) != Set(names("a")) && Set(seen) != Set(names("b")) { bad.withLock { $0.append(seen) } }
            }
        }
        reader.start()
        for round in 0..<60 {
            let staging = try StagingDirectory(destination: destination, replaceExisting: true, marker: Self.marker)
            for name in names(round % 2 == 0 ? "b" : "a") { try staging.write(name, to: name) }
            try staging.commit()
        }
        stop.store(true, ordering: .relaxed)
        while !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        #expect(bad.withLock { $0.isEmpty }, "mixed listings: \(bad.withLock { $0.prefix(3) })")
        #expect(reads.load(ordering: .relaxed) > 0)
        #expect(try Self.contents(root) == ["report"])
    }

    @Test func aSymbolicLinkOutIsRefusedWithoutForceAndOnlyTheLinkIsReplacedWithIt() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let empty = root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let link = root.appendingPathComponent("out")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: empty.path)
        #expect(throws: ReportError.symbolicLink(path: link.path, target: empty.path, targetExists: true)) {
            _ = try StagingDirectory(destination: link)
        }
        let staging = try StagingDirectory(destination: link, replaceExisting: true)
        try staging.write("x", to: "f")
        try staging.commit()
        #expect(StagingDirectory.kind(of: link) == .folder)
        #expect(try Self.contents(empty).isEmpty)
        #expect(try Self.contents(root) == ["empty", "out"])
    }

    @Test func aDanglingSymbolicLinkFailsBeforeAnythingIsWritten() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let link = root.appendingPathComponent("out")
        try FileManager.default.createSymbolicLink(
            atPath: link.path, withDestinationPath: root.appendingPathComponent("gone").path)
        #expect {
            _ = try StagingDirectory(destination: link)
        } throws: { error in
            guard case ReportError.symbolicLink(_, _, false) = error else { return false }
            return "\(error)".contains("which does not exist")
        }
        #expect(try Self.contents(root) == ["out"])
    }

    @Test func aLongOutNameGetsAShortenedUniqueStagingName() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let name = String(repeating: "r", count: 230)
        let first = try StagingDirectory(destination: root.appendingPathComponent(name))
        let second = try StagingDirectory(destination: root.appendingPathComponent(name + "x"))
        #expect(first.url.lastPathComponent.utf8.count <= 255)
        #expect(first.url.lastPathComponent != second.url.lastPathComponent)
        try first.write("x", to: "f")
        #expect(try first.commit().lastPathComponent == name)
        second.discard()
    }

    @Test func longFigureNamesAreShortenedWithAHash() {
        let a = String(repeating: "m", count: 300), b = a + "n"
        #expect(ReportFileName.shortened("loss") == "loss")
        let short = ReportFileName.shortened(a)
        #expect(short.utf8.count <= ReportFileName.maximumStemBytes)
        #expect(short != ReportFileName.shortened(b))
        #expect(short == ReportFileName.shortened(a))
        #expect(ReportFileName.isShortened(short) && !ReportFileName.isShortened("loss"))
        let wide = String(repeating: "é", count: 200)
        #expect(ReportFileName.shortened(wide).utf8.count <= ReportFileName.maximumStemBytes)
    }

    @Test func aSignalsAbortStopsAtTheNextFileAndLeavesNothing() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let abort = Atomic<Bool>(false)
        do {
            let staging = try StagingDirectory(
                destination: root.appendingPathComponent("run"), shouldAbort: { abort.load(ordering: .relaxed) })
            try staging.write("1", to: "a")
            #expect(StagingDirectory.isWritingAny)
            abort.store(true, ordering: .relaxed)
            #expect(throws: ReportError.interrupted(report: root.appendingPathComponent("run").path)) {
                try staging.write("2", to: "b")
            }
        }
        #expect(try Self.contents(root).isEmpty)
    }

    // MARK: Leftovers of dead processes

    @Test func stagingFoldersOfDeadProcessesOnThisHostAreFoundAndRemoved() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let dead = try Self.deadPID()
        func staging(_ name: String, host: String = ReportFolderMarker.currentHost, pid: Int32) throws -> URL {
            let url = root.appendingPathComponent(name)
            try Self.makeReport(
                url, files: (0..<5).map { "f\($0).png" },
                marker: ReportFolderMarker(version: "0.1.0", command: "nnreport render", host: host, pid: pid))
            return url
        }
        let abandoned = try staging(".rep.partial-\(dead)-7", pid: dead)
        _ = try staging(".mine.partial-\(getpid())-8", pid: getpid())
        _ = try staging(".remote.partial-\(dead)-9", host: "another-node", pid: dead)
        // Without a marker (an earlier nnreport): only once untouched for an hour.
        let recent = root.appendingPathComponent(".old.partial-\(dead)-10")
        try FileManager.default.createDirectory(at: recent, withIntermediateDirectories: true)
        let found = StagingLeftover.find(in: root)
        #expect(found.map(\.url.lastPathComponent) == [abandoned.lastPathComponent])
        #expect(found.first?.reportName == "rep" && found.first?.pid == dead && found.first?.kind == .partial)
        #expect(
            StagingLeftover.find(in: root, now: Date().addingTimeInterval(7200)).map(\.url.lastPathComponent)
                == [recent.lastPathComponent, abandoned.lastPathComponent])

        let line = found[0].cleanUp()
        #expect(line.contains(abandoned.path) && line.contains("process \(dead)"), "\(line)")
        #expect(!FileManager.default.fileExists(atPath: abandoned.path))
    }

    @Test func aReportMovedAsideIsRemovedOnceReplacedAndRestoredOtherwise() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let dead = try Self.deadPID()
        let deadMarker = ReportFolderMarker(version: "0.1.0", command: "nnreport render", pid: dead)
        // The replacement landed (its marker names the process): the old report goes.
        try Self.makeReport(root.appendingPathComponent("done"), files: ["new"], marker: deadMarker)
        let replaced = root.appendingPathComponent(".done.replaced-\(dead)-1")
        try Self.makeReport(replaced, files: ["old"])
        // The process stopped between the two renames: the old report comes back.
        let orphan = root.appendingPathComponent(".kept.replaced-\(dead)-2")
        try Self.makeReport(orphan, files: ["old"])
        let found = StagingLeftover.find(in: root, now: Date().addingTimeInterval(7200))
        #expect(found.map(\.url.lastPathComponent) == [replaced.lastPathComponent, orphan.lastPathComponent])
        for leftover in found { _ = leftover.cleanUp() }
        #expect(try Self.contents(root) == ["done", "kept"])
        #expect(try Self.contents(root.appendingPathComponent("kept")).contains("old"))
    }
}
