import Foundation

/// Where tests find the real MNIST files and scratch space.
public enum TestData {
    /// The folder holding dataset folders (`mnist/`, ...): `$NNREPORT_DATA`, else `../shared/data`
    /// next to the package root.
    public static var dataRoot: URL {
        if let env = ProcessInfo.processInfo.environment["NNREPORT_DATA"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    }

    /// The real MNIST folder.
    public static var mnistDirectory: URL { dataRoot.appendingPathComponent("mnist") }

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
