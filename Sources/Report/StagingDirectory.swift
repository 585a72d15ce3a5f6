import Foundation
import Synchronization

/// A report folder built in a hidden temporary sibling and renamed into place when complete.
///
/// A failed or interrupted run therefore never leaves a half-written folder under the final
/// name: either the whole report appears at once (rename(2) is atomic within a file system),
/// or nothing does and the staging folder is removed. Replacing an existing report (`--force`)
/// renames the old one aside first, then the new one in, then deletes the old one, so the final
/// name never holds a mixture of the two.
public final class StagingDirectory {
    /// Where the report will appear.
    public let destination: URL
    /// Where files are written meanwhile.
    public let url: URL
    /// Whether an existing non-empty destination is replaced.
    public let replaceExisting: Bool
    /// What may not be replaced, even with `replaceExisting`.
    public let replacementGuard: ReplacementGuard
    /// Polled before every file and before the rename: true stops with ``ReportError/interrupted(report:)``.
    public let shouldAbort: @Sendable () -> Bool
    /// The `N` of `.NAME.partial-PID-N`, shared by the name the old report is moved aside to.
    private let token = String(UInt32.random(in: 0...UInt32.max))
    private var finished = false

    /// Creates the staging folder next to `destination`, with `marker` in it as `.nnreport`.
    ///
    /// - Throws: ``ReportError/outputExists(path:)`` when `destination` is a non-empty folder and
    ///   `replaceExisting` is false; ``ReportError/refusedReplacement(path:reason:)`` when it may
    ///   not be replaced at all; ``ReportError/symbolicLink(path:target:targetExists:)`` for a
    ///   symbolic link without `replaceExisting`; ``ReportError/cannotWrite(path:reason:)`` when
    ///   the parent cannot be created or written.
    ///
    /// - Parameter adopting: a folder to take over as the staging folder instead of creating an
    ///   empty one (the unfinished run a resumed run continues); it is renamed to this process's
    ///   staging name and gets `marker`.
    public init(
        destination: URL, replaceExisting: Bool = false, replacementGuard: ReplacementGuard = ReplacementGuard(),
        marker: ReportFolderMarker? = nil, adopting: URL? = nil, shouldAbort: @escaping @Sendable () -> Bool = { false }
    ) throws {
        self.destination = destination.standardizedFileURL
        self.replaceExisting = replaceExisting
        self.replacementGuard = replacementGuard
        self.shouldAbort = shouldAbort
        // An interrupted report at the destination that is being continued is taken over, not replaced.
        if adopting?.standardizedFileURL.path != self.destination.path {
            try Self.checkDestination(self.destination, replaceExisting: replaceExisting, guard: replacementGuard)
        }
        let parent = self.destination.deletingLastPathComponent()
        do {
            try FileSystem.makeDirectories(at: parent)
        } catch {
            throw ReportError.cannotWrite(path: parent.path, reason: error.description)
        }
        url = parent.appendingPathComponent(
            Self.hiddenName(for: self.destination, kind: .partial, token: token), isDirectory: true)
        // Registered before it exists, so a signal handler never misses a folder to remove.
        Self.live.withLock { _ = $0.insert(url.path) }
        // rename(2) of a folder another process adopted first fails: only one run continues it.
        let created = adopting.map { rename($0.path, url.path) } ?? mkdir(url.path, 0o755)
        if created != 0 {
            let code = errno
            Self.live.withLock { _ = $0.remove(url.path) }
            throw ReportError.cannotWrite(path: adopting?.path ?? url.path, reason: String(cString: strerror(code)))
        }
        if let marker { try write(marker.line, to: ReportFolderMarker.fileName) }
        StagingHeartbeat.start()
    }

    deinit {
        if !finished { try? FileManager.default.removeItem(at: url) }
        Self.live.withLock { _ = $0.remove(url.path) }
    }

    /// The URL of a file inside the staging folder.
    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Writes `data` to `name` inside the staging folder.
    ///
    /// - Throws: ``ReportError/cannotWriteFile(name:report:reason:)`` with the system's reason
    ///   ("No space left on device"), ``ReportError/fileNameTooLong(name:report:)``, or
    ///   ``ReportError/interrupted(report:)`` once `shouldAbort` says so.
    public func write(_ data: Data, to name: String) throws {
        try checkAbort()
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
            if failure.code == ENAMETOOLONG { throw ReportError.fileNameTooLong(name: name, report: destination.path) }
            throw ReportError.cannotWriteFile(name: name, report: destination.path, reason: failure.description)
        }
    }

    /// Writes UTF-8 `text` to `name` inside the staging folder.
    public func write(_ text: String, to name: String) throws {
        try write(Data(text.utf8), to: name)
    }

    /// Throws ``ReportError/interrupted(report:)`` when `shouldAbort` says so (for long steps
    /// that write through other means, such as copying folders).
    public func checkAbort() throws {
        if shouldAbort() { throw ReportError.interrupted(report: destination.path) }
    }

    /// Moves the finished folder to its destination and returns where it landed.
    ///
    /// - Parameter uniqueName: when true (automatically named report folders), a destination
    ///   that another run took meanwhile is not replaced: the report lands at `name-2`, `name-3`, ...
    ///   instead, so concurrent runs never clobber each other.
    @discardableResult
    public func commit(uniqueName: Bool = false) throws -> URL {
        precondition(!finished, "StagingDirectory.commit() called twice for \(destination.path)")
        try checkAbort()
        if !uniqueName, let kind = Self.kind(of: destination) {
            // What is there now may differ from what was there when the run started.
            try Self.checkDestination(destination, replaceExisting: replaceExisting, guard: replacementGuard)
            if kind != .emptyFolder {
                try replace()
                return destination
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
        markFinished()
        return target
    }

    /// Leaves the staging folder where it is without publishing it, for a later run to continue
    /// (a run that failed after saving a checkpoint). Once this process has ended it is a
    /// leftover like any other (``StagingLeftover``).
    public func keepUnfinished() {
        guard !finished else { return }
        markFinished()
    }

    /// Removes the staging folder without publishing anything.
    public func discard() {
        guard !finished else { return }
        try? FileManager.default.removeItem(at: url)
        markFinished()
    }

    /// Replaces what is at the destination (a report folder, or a symbolic link) with the
    /// staging folder: the old one is renamed aside, the new one renamed in, then the old one
    /// deleted. A reader of the destination sees the old report, briefly nothing, then the new
    /// one; never parts of both. A process killed in between leaves `.NAME.replaced-PID-N`,
    /// which the next run in the folder cleans up (``StagingLeftover``).
    private func replace() throws {
        let aside = destination.deletingLastPathComponent()
            .appendingPathComponent(Self.hiddenName(for: destination, kind: .replaced, token: token), isDirectory: true)
        guard rename(destination.path, aside.path) == 0 else {
            throw ReportError.cannotFinish(
                staging: url.path, destination: destination.path,
                reason: "cannot move the old report aside: \(String(cString: strerror(errno)))")
        }
        guard rename(url.path, destination.path) == 0 else {
            let code = errno
            _ = rename(aside.path, destination.path)
            throw ReportError.cannotFinish(
                staging: url.path, destination: destination.path, reason: String(cString: strerror(code)))
        }
        markFinished()
        // The new report is in place; the old one is no longer reachable under its name.
        try? FileManager.default.removeItem(at: aside)
    }

    private func markFinished() {
        finished = true
        Self.live.withLock { _ = $0.remove(url.path) }
    }

    // MARK: The destination

    /// What is at a path, without following a symbolic link there.
    enum DestinationKind: Equatable {
        case emptyFolder, folder, symbolicLink, other
    }

    static func kind(of url: URL) -> DestinationKind? {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: return .symbolicLink
        case S_IFDIR:
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return contents.isEmpty ? .emptyFolder : .folder
        default: return .other
        }
    }

    /// Throws when `destination` may not become the report folder (see ``init``): what a
    /// pipeline checks before it spends time on loading and training.
    public static func checkDestination(_ destination: URL, replaceExisting: Bool, guard: ReplacementGuard) throws {
        guard let kind = kind(of: destination) else { return }
        switch kind {
        case .symbolicLink:
            guard replaceExisting else {
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: destination.path)) ?? "?"
                throw ReportError.symbolicLink(
                    path: destination.path, target: target,
                    targetExists: FileManager.default.fileExists(atPath: destination.path))
            }
        case .emptyFolder:
            // An empty folder is taken over without --force, but never the one the command
            // runs in, one holding it, or one it reads.
            if let reason = `guard`.refusal(toReplace: destination, requireReportFolder: false) {
                throw ReportError.refusedReplacement(path: destination.path, reason: reason)
            }
        case .folder:
            guard replaceExisting else { throw ReportError.outputExists(path: destination.path) }
            if let reason = `guard`.refusal(toReplace: destination) {
                throw ReportError.refusedReplacement(path: destination.path, reason: reason)
            }
        case .other:
            throw ReportError.cannotWrite(path: destination.path, reason: "a file (not a folder) is in the way")
        }
    }

    // MARK: Hidden names

    /// `.NAME.partial-PID-N` or `.NAME.replaced-PID-N`, with NAME shortened so the whole stays
    /// within 255 bytes (``ReportFileName``): a 230-byte `--out` name is fine, its staging name too.
    static func hiddenName(for destination: URL, kind: StagingLeftover.Kind, token: String) -> String {
        let name = ReportFileName.shortened(destination.lastPathComponent, maximumBytes: 200)
        return ".\(name).\(kind.rawValue)-\(getpid())-\(token)"
    }

    // MARK: Folders being written

    /// Staging folders of this process not yet committed or discarded.
    static let live = Mutex<Set<String>>([])

    /// Whether any staging folder of this process is being written.
    public static var isWritingAny: Bool { live.withLock { !$0.isEmpty } }

    /// Removes every staging folder of this process that is still being written: the last
    /// resort of a process that must exit now (a signal's deadline passed).
    public static func removeAllLive() {
        for path in live.withLock({ Array($0) }) { try? FileManager.default.removeItem(atPath: path) }
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
