import Foundation
import Metrics
import NNReportKit
import Testing
import TestSupport

/// What nnreport says about data and stops must be true (issue 16): no "delete it" for the
/// user's own files, no empty folders left in the home folder by a failed download, and a run
/// stopped before training says it ran no epoch.
@Suite struct DataHonestyTests {
    static let quickRun = ["mnist", "--train-limit", "500", "--validation", "100", "--hidden", "8", "--epochs", "1"]

    /// Before: "... Delete it and download it again." for a file in the user's --data-dir.
    @Test func aDamagedFileInTheDataDirIsNotToBeDeleted() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data")
        try FileManager.default.copyItem(at: TestData.mnistDirectory, to: data)
        let labels = data.appendingPathComponent("t10k-labels-idx1-ubyte.gz")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: labels.path)
        let bytes = try Data(contentsOf: labels)
        try bytes.prefix(bytes.count / 2).write(to: labels)
        let result = try CommandRunner.run(
            Self.quickRun + ["--data-dir", data.path, "--out", root.appendingPathComponent("out").path, "--quiet"])
        #expect(result.status != 0)
        #expect(result.stderr.contains(labels.path), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("given with --data-dir"), "stderr: \(result.stderr)")
        #expect(!result.stderr.lowercased().contains("delete it"), "stderr: \(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: labels.path))
    }

    /// Before: ~/.cache/org.swift.foundation.URLCache/nnreport (and ~/.local/share/<folder>)
    /// stayed behind, empty, after a download that failed.
    @Test func aFailedDownloadLeavesNothingInTheHomeFolder() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let home = root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let result = try CommandRunner.run(
            Self.quickRun + ["--mirror", "http://127.0.0.1:9/", "--out", root.appendingPathComponent("out").path],
            in: root,
            environment: [
                "HOME": home.path, "NNREPORT_DATA": "", "XDG_CACHE_HOME": home.appendingPathComponent(".cache").path,
                "XDG_DATA_HOME": home.appendingPathComponent(".local/share").path,
            ])
        #expect(result.status != 0)
        #expect(result.stderr.contains("downloading"), "stderr: \(result.stderr)")
        let left = FileManager.default.subpaths(atPath: home.path) ?? []
        #expect(left.isEmpty, "left in the home folder: \(left)")
    }

    /// Before: summary.json said `epochs_run: 1` and the README "0 of 1" with "stopped on
    /// request after step 0" for a run stopped while its data was loading.
    @Test func aRunStoppedBeforeTrainingSaysSo() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var overrides = TrainingOverrides()
        overrides.hidden = [8]
        overrides.epochs = 1
        overrides.trainLimit = 500
        overrides.validation = 100
        let out = root.appendingPathComponent("report")
        let request = TrainRequest(
            dataset: "mnist", preset: nil, overrides: overrides, data: DataSettings(directory: TestData.mnistDirectory),
            report: ReportSettings(output: out, command: "nnreport mnist"))
        // The stop was requested before the pipeline started (as a signal during data loading).
        let outcome = try TrainPipeline(request: request, shouldStop: { true }).run()
        #expect(outcome.status == .interrupted)
        #expect(outcome.summary["epochs_run"]?.intValue == 0)
        #expect(outcome.summary["best_epoch"] == .null)
        let readme = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("| Epochs | 0 of 1 (interrupted) |"), "\(readme.prefix(600))")
        #expect(readme.contains("stopped on request before the first training step"))
    }
}
