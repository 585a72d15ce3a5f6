import Foundation

/// A report folder built in a hidden temporary sibling and renamed into place when complete.
///
/// A failed or interrupted run therefore never leaves a half-written folder under the final
/// name: either the whole report appears at once (rename(2) is atomic within a file system),
/// or nothing does and the staging folder is removed.
public final class StagingDirectory {
    /// Where the report will appear.
    public let destination: URL
    /// Where files are written meanwhile.
    public let url: URL
    /// Whether an existing non-empty destination is replaced.
    public let replaceExisting: Bool
    private var finished = false

    /// Creates the staging folder next to `destination`.
    ///
    /// - Throws: ``ReportError/outputExists(path:)`` when `destination` is a non-empty folder and
    ///   `replaceExisting` is false; ``ReportError/cannotWrite(path:reason:)`` when the parent
    ///   cannot be created or written.
    public init(destination: URL, replaceExisting: Bool = false) throws {
        let fm = FileManager.default
        self.destination = destination.standardizedFileURL
        self.replaceExisting = replaceExisting
        if Self.isNonEmptyDirectory(self.destination), !replaceExisting {
            throw ReportError.outputExists(path: self.destination.path)
        }
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: self.destination.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ReportError.cannotWrite(path: self.destination.path, reason: "a file (not a folder) is in the way")
        }
        let parent = self.destination.deletingLastPathComponent()
        do {
            try FileSystem.makeDirectories(at: parent)
        } catch {
            throw ReportError.cannotWrite(path: parent.path, reason: error.description)
        }
        let pid = ProcessInfo.processInfo.processIdentifier
        let name = ".\(self.destination.lastPathComponent).partial-\(pid)-\(UInt32.random(in: 0...UInt32.max))"
        url = parent.appendingPathComponent(name, isDirectory: true)
        if mkdir(url.path, 0o755) != 0 {
            throw ReportError.cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
        }
    }

    deinit {
        if !finished { try? FileManager.default.removeItem(at: url) }
    }

    /// The URL of a file inside the staging folder.
    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Writes `data` to `name` inside the staging folder.
    ///
    /// - Throws: ``ReportError/cannotWriteFile(name:report:reason:)`` with the system's reason
    ///   ("No space left on device").
    public func write(_ data: Data, to name: String) throws {
        let path = file(name).path
        let failure = data.withUnsafeBytes { raw -> POSIXFailure? in
            do throws(POSIXFailure) {
                try FileSystem.write(raw, to: path)
                return nil
            } catch {
                return error
            }
        }
        if let failure {
            throw ReportError.cannotWriteFile(name: name, report: destination.path, reason: failure.description)
        }
    }

    /// Writes UTF-8 `text` to `name` inside the staging folder.
    public func write(_ text: String, to name: String) throws {
        try write(Data(text.utf8), to: name)
    }

    /// Moves the finished folder to its destination and returns where it landed.
    ///
    /// - Parameter uniqueName: when true (automatically named report folders), a destination
    ///   that another run took meanwhile is not replaced: the report lands at `name-2`, `name-3`, ...
    ///   instead, so concurrent runs never clobber each other.
    @discardableResult
    public func commit(uniqueName: Bool = false) throws -> URL {
        precondition(!finished, "StagingDirectory.commit() called twice for \(destination.path)")
        let fm = FileManager.default
        if !uniqueName, fm.fileExists(atPath: destination.path) {
            if Self.isNonEmptyDirectory(destination), !replaceExisting {
                throw ReportError.outputExists(path: destination.path)
            }
            do {
                try fm.removeItem(at: destination)
            } catch {
                throw ReportError.cannotFinish(staging: url.path, destination: destination.path, reason: Self.reason(error))
            }
        }
        var target = destination
        var attempt = 1
        while true {
            // rename(2) refuses to replace a non-empty folder (ENOTEMPTY/EEXIST): that is the
            // atomic check that keeps two runs from clobbering each other.
            if rename(url.path, target.path) == 0 { break }
            let code = errno
            guard uniqueName, code == ENOTEMPTY || code == EEXIST, attempt < 1000 else {
                throw ReportError.cannotFinish(
                    staging: url.path, destination: target.path, reason: String(cString: strerror(code)))
            }
            attempt += 1
            target = destination.deletingLastPathComponent()
                .appendingPathComponent("\(destination.lastPathComponent)-\(attempt)", isDirectory: true)
        }
        finished = true
        return target
    }

    /// Removes the staging folder without publishing anything.
    public func discard() {
        guard !finished else { return }
        try? FileManager.default.removeItem(at: url)
        finished = true
    }

    static func isNonEmptyDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return false
        }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return !contents.isEmpty
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription
    }
}
