import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Downloads one URL into a new file with URLSession, hashing the bytes as they arrive.
///
/// The body is streamed to disk through a data-task delegate, so memory stays small whatever the
/// file size, and the MD5 of the downloaded bytes needs no second pass. Only status 200 counts
/// (redirects are followed by URLSession).
struct HTTPDownload {
    /// Seconds to wait for the server (connecting, and between received chunks).
    var timeout: TimeInterval

    /// What a successful download produced.
    struct Result {
        var bytes: Int64
        var md5: MD5Digest
    }

    /// Fetches `url` into `file`, which must not exist yet.
    ///
    /// - Parameter progress: called with (received, expected) bytes from URLSession's queue.
    /// - Throws: ``DownloadFailure`` for network errors and statuses other than 200;
    ///   ``DatasetError/cacheUnwritable(path:reason:)`` (as `.local`) when the file cannot be written.
    func fetch(_ url: URL, to file: URL, progress: (@Sendable (Int64, Int64?) -> Void)?) throws(Failure) -> Result {
        guard FileManager.default.createFile(atPath: file.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: file)
        else {
            throw .local(DatasetError.cacheUnwritable(path: file.path, reason: "cannot create the file"))
        }
        defer { try? handle.close() }

        let receiver = Receiver(handle: handle, progress: progress)
        // Configuring a session creates empty cache and cookie folders in the home folder.
        let footprint = URLSessionFootprint.snapshot()
        defer { footprint.removeNewEmptyFolders() }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.timeoutIntervalForRequest = timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: configuration, delegate: receiver, delegateQueue: queue)
        session.dataTask(with: URLRequest(url: url, timeoutInterval: timeout)).resume()
        receiver.finished.wait()
        session.finishTasksAndInvalidate()

        let outcome = receiver.outcome()
        if let writeError = outcome.writeError {
            throw .local(DatasetError.cacheUnwritable(path: file.path, reason: writeError))
        }
        if let status = outcome.status, status != 200 { throw .remote(.httpStatus(status)) }
        if let error = outcome.error { throw .remote(.network(Self.describe(error))) }
        guard outcome.status != nil else { throw .remote(.network("the server sent no HTTP response")) }
        do {
            try handle.synchronize()
        } catch {
            throw .local(DatasetError.cacheUnwritable(path: file.path, reason: "\(error)"))
        }
        return Result(bytes: outcome.bytes, md5: outcome.md5)
    }

    /// Why a fetch failed: the server's side (try another mirror) or ours (stop).
    enum Failure: Error {
        case remote(DownloadFailure)
        case local(DatasetError)
    }

    private static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        return "\(nsError.localizedDescription) (\(nsError.domain) \(nsError.code))"
    }
}

/// URLSession's delegate for one download: writes chunks to the file and hashes them.
///
/// `@unchecked Sendable`: URLSession calls the delegate on one serial queue (maxConcurrentOperationCount
/// 1), and the downloading thread reads the state only through ``outcome()``, under the lock, after
/// ``finished`` was signalled by the last callback.
private final class Receiver: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    struct Outcome {
        var status: Int?
        var error: Error?
        var writeError: String?
        var bytes: Int64 = 0
        var md5: MD5Digest
    }

    let finished = DispatchSemaphore(value: 0)
    private let handle: FileHandle
    private let progress: (@Sendable (Int64, Int64?) -> Void)?
    private let lock = NSLock()
    private var md5 = MD5()
    private var status: Int?
    private var expected: Int64?
    private var received: Int64 = 0
    private var error: Error?
    private var writeError: String?

    init(handle: FileHandle, progress: (@Sendable (Int64, Int64?) -> Void)?) {
        self.handle = handle
        self.progress = progress
    }

    func outcome() -> Outcome {
        lock.withLock {
            var copy = md5
            return Outcome(
                status: status, error: error, writeError: writeError, bytes: received, md5: copy.finalize())
        }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let code = (response as? HTTPURLResponse)?.statusCode
        lock.withLock {
            status = code
            expected = response.expectedContentLength >= 0 ? response.expectedContentLength : nil
        }
        completionHandler(code == 200 ? .allow : .cancel)
        if code == 200 { progress?(0, expected) }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let (total, expected): (Int64, Int64?) = lock.withLock {
            guard writeError == nil else { return (received, self.expected) }
            do {
                try handle.write(contentsOf: data)
            } catch {
                writeError = "\(error)"
                dataTask.cancel()
                return (received, self.expected)
            }
            data.withUnsafeBytes { md5.update($0) }
            received += Int64(data.count)
            return (received, self.expected)
        }
        progress?(total, expected)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        lock.withLock { self.error = error }
        finished.signal()
    }
}
