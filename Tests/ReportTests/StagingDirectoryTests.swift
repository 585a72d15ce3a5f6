import Foundation
import Testing
import TestSupport
@testable import Report

@Suite struct StagingDirectoryTests {
    @Test func nothingAppearsUnderTheFinalNameUntilCommit() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let destination = root.appendingPathComponent("run")
        let staging = try StagingDirectory(destination: destination)
        try staging.write("hello", to: "README.md")
        #expect(!FileManager.default.fileExists(atPath: destination.path))
        let landed = try staging.commit()
        #expect(landed.path == destination.standardizedFileURL.path)
        #expect(try String(contentsOf: destination.appendingPathComponent("README.md"), encoding: .utf8) == "hello")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["run"])
    }

    @Test func aDiscardedOrAbandonedStagingFolderIsRemoved() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        do {
            let staging = try StagingDirectory(destination: root.appendingPathComponent("a"))
            try staging.write("x", to: "f")
        }
        let staging = try StagingDirectory(destination: root.appendingPathComponent("b"))
        staging.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
    }

    @Test func aNonEmptyDestinationIsRefusedUnlessReplacing() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let destination = root.appendingPathComponent("run")
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: destination.appendingPathComponent("old.txt"))
        #expect(throws: ReportError.outputExists(path: destination.standardizedFileURL.path)) {
            _ = try StagingDirectory(destination: destination)
        }
        // Not written by nnreport: --force does not replace it either.
        #expect {
            _ = try StagingDirectory(destination: destination, replaceExisting: true)
        } throws: { error in
            guard case ReportError.refusedReplacement(let path, let reason) = error else { return false }
            return path == destination.standardizedFileURL.path && reason.contains("nnreport did not write it")
        }
        try Data(Self.marker.line.utf8).write(to: destination.appendingPathComponent(ReportFolderMarker.fileName))
        let staging = try StagingDirectory(destination: destination, replaceExisting: true)
        try staging.write("new", to: "new.txt")
        try staging.commit()
        #expect(try FileManager.default.contentsOfDirectory(atPath: destination.path) == ["new.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["run"])
    }

    static let marker = ReportFolderMarker(version: "0.1.0", command: "nnreport mnist --out run")

    @Test func concurrentRunsWithTheSameAutomaticNameDoNotClobber() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let destination = root.appendingPathComponent("mnist-default-20261122-120000")
        let first = try StagingDirectory(destination: destination)
        let second = try StagingDirectory(destination: destination)
        try first.write("1", to: "id")
        try second.write("2", to: "id")
        let a = try first.commit(uniqueName: true)
        let b = try second.commit(uniqueName: true)
        #expect(a.lastPathComponent == "mnist-default-20261122-120000")
        #expect(b.lastPathComponent == "mnist-default-20261122-120000-2")
        #expect(try String(contentsOf: a.appendingPathComponent("id"), encoding: .utf8) == "1")
        #expect(try String(contentsOf: b.appendingPathComponent("id"), encoding: .utf8) == "2")
    }

    @Test func anUnwritableParentIsAClearError() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let blocker = root.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let destination = blocker.appendingPathComponent("run")
        #expect {
            _ = try StagingDirectory(destination: destination)
        } throws: { error in
            guard case ReportError.cannotWrite(let path, _) = error else { return false }
            return path == blocker.path
        }
    }
}
