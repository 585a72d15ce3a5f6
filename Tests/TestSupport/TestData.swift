import Datasets
import Foundation

/// Where tests find the real MNIST files and scratch space.
public enum TestData {
    /// The folder holding dataset folders (`mnist/`, ...): the parent of ``mnistDirectory``.
    public static var dataRoot: URL { mnistDirectory.deletingLastPathComponent() }

    /// The real MNIST folder, found the way `nnreport mnist` finds it: `$NNREPORT_DATA/mnist`
    /// (this repository's CI points it at its offline copy), then the user cache (`$XDG_CACHE_HOME/nnreport/mnist` or `~/.cache/nnreport/mnist`), then
    /// the system copy; failing all, MNIST is downloaded once into the user cache with its
    /// checksums verified. Looked up once per test process.
    public static var mnistDirectory: URL { mnist.folder }

    /// Where MNIST was found, and by which rule.
    public static let mnist: (folder: URL, origin: String) = {
        let environment = DatasetEnvironment.process
        do {
            let location = try DatasetLoader(environment: environment).locate(.mnist, dataDirectory: nil)
            return (location.folder, "\(location.origin)")
        } catch {
            // The data-dependent tests then fail naming the folders tried and why.
            FileHandle.standardError.write(Data("TestData: MNIST not found: \(error)\n".utf8))
            let fallback = environment.variables["NNREPORT_DATA"].map { URL(fileURLWithPath: $0) }
                ?? FileManager.default.temporaryDirectory.appendingPathComponent("nnreport-no-mnist")
            return (fallback.appendingPathComponent("mnist"), "not found")
        }
    }()

    /// The package root (the folder holding Package.swift).
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // TestSupport
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
    }

    /// A fresh empty temporary directory; the caller removes it.
    public static func makeTemporaryDirectory(_ prefix: String = "nnreport-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
