import Foundation
import Testing
import TestSupport

@testable import Report

/// Telling a killed writer from a live one (issue 14): process start times for numbers a
/// restarted container reuses, heartbeats for writers on other machines; and taking over an
/// unfinished run's folder as the staging folder.
@Suite struct StagingResumeTests {
    typealias Safety = ReportFolderSafetyTests

    func marker(
        host: String = ReportFolderMarker.currentHost, pid: Int32 = getpid(), start: UInt64? = nil, boot: String? = nil,
        heartbeat: Int? = nil
    ) -> ReportFolderMarker {
        ReportFolderMarker(
            version: "0.1.0", command: "nnreport mnist", host: host, pid: pid, processStart: start, bootID: boot,
            heartbeat: heartbeat)
    }

    @Test(.enabled(if: ProcessIdentity.currentStartTime != nil))
    func aLiveProcessNumberWithAnotherStartTimeIsAnotherProcess() throws {
        let start = try #require(ProcessIdentity.currentStartTime)
        #expect(marker(start: start).writerIsGone(modified: Date()) == false)
        // A killed run in an earlier container had this process's number, but started earlier.
        #expect(marker(start: start - 1).writerIsGone(modified: Date()) == true)
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sleep")
        child.arguments = ["30"]
        try child.run()
        defer { child.terminate() }
        let childStart = try #require(ProcessIdentity.startTime(of: child.processIdentifier))
        #expect(marker(pid: child.processIdentifier, start: childStart).writerIsGone(modified: Date()) == false)
        #expect(marker(pid: child.processIdentifier, start: childStart + 7).writerIsGone(modified: Date()) == true)
        #expect(marker(pid: try Safety.deadPID()).writerIsGone(modified: Date()) == true)
    }

    @Test(.enabled(if: ProcessIdentity.bootID != nil))
    func aMarkerFromAnEarlierBootIsGone() throws {
        #expect(marker(boot: ProcessIdentity.bootID).writerIsGone(modified: Date()) == false)
        #expect(marker(boot: "00000000-0000-0000-0000-000000000000").writerIsGone(modified: Date()) == true)
    }

    @Test func anotherMachinesWriterIsGoneOnceItsHeartbeatStops() {
        let remote = marker(host: "node-17", heartbeat: StagingHeartbeat.interval)
        let now = Date()
        #expect(remote.writerIsGone(modified: now, now: now) == false)
        #expect(
            remote.writerIsGone(modified: now.addingTimeInterval(-StagingHeartbeat.staleAfter - 1), now: now) == true)
        #expect(remote.heartbeatDeadline(modified: now) == now.addingTimeInterval(StagingHeartbeat.staleAfter))
        // Without heartbeats (an older nnreport) nothing can be told.
        #expect(marker(host: "node-17").writerIsGone(modified: .distantPast, now: now) == nil)
        #expect(marker().heartbeatDeadline(modified: now) == nil)
    }

    @Test func aStoppedHeartbeatMakesAnotherMachinesStagingFolderALeftover() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent(".run.partial-4242-1")
        try Safety.makeReport(
            folder, files: ["checkpoint.safetensors"], marker: marker(host: "node-17", pid: 4242, heartbeat: 10))
        #expect(StagingLeftover.find(in: root).isEmpty)
        let later = Date().addingTimeInterval(StagingHeartbeat.staleAfter + 5)
        #expect(StagingLeftover.find(in: root, now: later).map(\.url.lastPathComponent) == [".run.partial-4242-1"])
    }

    @Test func theMarkerKeepsTheCommandsArgumentsAndIdentity() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let current = ReportFolderMarker.current(
            version: "0.1.0", command: "nnreport mnist --lr 'a b'", arguments: ["mnist", "--lr", "a b"])
        #expect(current.heartbeat == StagingHeartbeat.interval && current.directory != nil)
        let staging = try StagingDirectory(destination: root.appendingPathComponent("run"), marker: current)
        #expect(ReportFolderMarker.read(in: staging.url) == current)
        staging.discard()
    }

    @Test func anUnfinishedRunsFolderIsTakenOverAndPublished() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let dead = try Safety.deadPID()
        let old = root.appendingPathComponent(".run.partial-\(dead)-5")
        try Safety.makeReport(old, files: ["checkpoint.safetensors"], marker: marker(pid: dead))
        let mine = marker()
        let staging = try StagingDirectory(destination: root.appendingPathComponent("run"), marker: mine, adopting: old)
        #expect(!FileManager.default.fileExists(atPath: old.path))
        #expect(try Safety.contents(staging.url) == [".nnreport", "checkpoint.safetensors"])
        #expect(ReportFolderMarker.read(in: staging.url) == mine)
        try staging.commit()
        #expect(try Safety.contents(root.appendingPathComponent("run")) == [".nnreport", "checkpoint.safetensors"])

        // Only one process takes a folder over: the second rename finds nothing.
        #expect(throws: ReportError.self) {
            try StagingDirectory(destination: root.appendingPathComponent("again"), adopting: old)
        }
    }

    @Test func aFolderKeptUnfinishedOutlivesItsStagingDirectory() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var url: URL?
        do {
            let staging = try StagingDirectory(destination: root.appendingPathComponent("run"), marker: marker())
            try staging.write("state", to: "checkpoint.safetensors")
            url = staging.url
            #expect(StagingDirectory.isWritingAny)
            staging.keepUnfinished()
        }
        #expect(try Safety.contents(try #require(url)) == [".nnreport", "checkpoint.safetensors"])
    }
}
