import Foundation

/// Writing to the terminal: the executable's job, never the libraries'.
enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// The command line as typed, with the program shown as `nnreport` and arguments quoted for a
/// POSIX shell where needed, so the report's "Reproduce" block can be pasted back.
enum CommandLineText {
    static var current: String {
        if let resumed = Resumption.current { return resumed.command }
        return (["nnreport"] + CommandLine.arguments.dropFirst().map(quote)).joined(separator: " ")
    }

    static func quote(_ argument: String) -> String {
        let safe = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_./=:,+@%"))
        if !argument.isEmpty, argument.unicodeScalars.allSatisfy({ safe.contains($0) }) { return argument }
        return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
