import Foundation

/// Runs the built `nnreport` executable, as a user would, and captures what it prints.
public struct CommandRunner {
    public struct Output {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The `nnreport` binary built beside the test bundle.
    public static var executable: URL {
        let candidates = [Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])].compactMap { $0 }
        for candidate in candidates {
            var folder = candidate.deletingLastPathComponent()
            // The test binary may sit inside a bundle folder (`X.xctest/Contents/MacOS/X` on macOS).
            for _ in 0..<4 {
                let url = folder.appendingPathComponent("nnreport")
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
                folder = folder.deletingLastPathComponent()
            }
        }
        return TestData.packageRoot.appendingPathComponent(".build/debug/nnreport")
    }

    /// Runs `nnreport arguments...` in `directory` with extra environment variables.
    public static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        stdin: FileHandle? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdin { process.standardInput = stdin }
        try process.run()
        // Read both pipes concurrently so a chatty child never blocks on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
