import Foundation
import LinearAlgebra

/// The machine a run happened on, for the report and summary.json.
public struct EnvironmentInfo: Sendable, Equatable {
    public var cpu: String
    public var cores: Int
    public var blas: String
    public var blasThreads: Int
    public var swift: String
    public var os: String
    public var nnreport: String

    /// Reads the current machine's facts.
    public static func current(blasThreads: Int) -> EnvironmentInfo {
        EnvironmentInfo(
            cpu: cpuModel() ?? "unknown CPU", cores: ProcessInfo.processInfo.activeProcessorCount,
            blas: BLAS.configuration, blasThreads: blasThreads, swift: swiftVersion, os: operatingSystem(),
            nnreport: NNReportVersion.string)
    }

    /// Rows for the report's environment table.
    public var rows: [(name: String, value: String)] {
        [
            ("CPU", "\(cpu), \(cores) core\(cores == 1 ? "" : "s") available"),
            ("BLAS", "\(blas), \(blasThreads) thread\(blasThreads == 1 ? "" : "s")"),
            ("Swift", swift), ("OS", os), ("nnreport", nnreport),
        ]
    }

    /// The Swift compiler that built nnreport.
    static var swiftVersion: String {
        #if compiler(>=6.4)
            return "6.4 or later"
        #elseif compiler(>=6.3)
            return "6.3"
        #elseif compiler(>=6.2)
            return "6.2"
        #elseif compiler(>=6.1)
            return "6.1"
        #else
            return "6.0"
        #endif
    }

    static func cpuModel() -> String? {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    static func operatingSystem() -> String {
        var name = utsname()
        uname(&name)
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
        }
        var pretty: String?
        if let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8) {
            for line in text.split(separator: "\n") where line.hasPrefix("PRETTY_NAME=") {
                pretty = String(line.dropFirst("PRETTY_NAME=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        let kernel = "\(field(name.sysname)) \(field(name.release)) \(field(name.machine))"
        return pretty.map { "\($0) (\(kernel))" } ?? kernel
    }
}
