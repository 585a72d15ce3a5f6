import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for download tests (these machines have no internet).
///
/// It listens on an ephemeral port, answers each `GET` from a fixed table of paths (404 for
/// anything else), one thread per connection, `Connection: close`. Only loopback is ever bound.
///
/// ```swift
/// let server = try HTTPTestServer(routes: ["/data/file.gz": .ok(bytes)])
/// defer { server.stop() }
/// let url = server.url("/data/file.gz")
/// ```
public final class HTTPTestServer: @unchecked Sendable {
    /// What the server answers for one path.
    public struct Response: Sendable {
        public var status: Int
        public var body: [UInt8]
        /// Whether the server holds the connection open without answering until it stops (to
        /// provoke a client timeout whatever the machine's speed).
        public var stalls: Bool

        public init(status: Int, body: [UInt8], stalls: Bool = false) {
            self.status = status
            self.body = body
            self.stalls = stalls
        }

        /// 200 with `body`.
        public static func ok(_ body: [UInt8]) -> Response { Response(status: 200, body: body) }
    }

    /// The port the server listens on.
    public let port: UInt16
    private let listener: Int32
    private let routes: [String: Response]
    private let stopped = DispatchSemaphore(value: 0)
    // `@unchecked Sendable`: the mutable state below is only touched under `lock`; `routes`,
    // `port` and `listener` never change after init.
    private let lock = NSLock()
    private var requests: [String] = []
    /// Set by stop(); stalled connections wait for it.
    private let stopping = NSCondition()
    private var isStopping = false

    /// Starts serving `routes` (path → response) on 127.0.0.1 and an ephemeral port.
    public init(routes: [String: Response]) throws {
        self.routes = routes
        (listener, port) = try Self.openListener()
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit { close(listener) }

    /// `http://127.0.0.1:PORT` + `path` (a path starting with "/").
    public func url(_ path: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)\(path)")!
    }

    /// The paths requested so far, in order.
    public var requestedPaths: [String] { lock.withLock { requests } }

    /// Stops accepting connections and waits for the accept loop to end.
    public func stop() {
        stopping.withLock {
            isStopping = true
            stopping.broadcast()
        }
        shutdown(listener, Int32(SHUT_RDWR))
        stopped.wait()
    }

    /// A loopback port on which nothing listens (bound, then closed): connecting is refused.
    public static func unusedPort() throws -> UInt16 {
        let (fd, port) = try openListener()
        close(fd)
        return port
    }

    // MARK: Sockets

    private static func openListener() throws -> (Int32, UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw failure("socket") }
        var reuse: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw failure("bind/listen")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else {
            close(fd)
            throw failure("getsockname")
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                break  // shut down by stop()
            }
            Thread.detachNewThread { [self] in serve(connection) }
        }
        stopped.signal()
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        guard let path = Self.readRequestPath(connection) else { return }
        lock.withLock { requests.append(path) }
        let response = routes[path] ?? Response(status: 404, body: Array("not found\n".utf8))
        if response.stalls {
            stopping.withLock { while !isStopping { stopping.wait() } }
            return
        }
        let reason = response.status == 200 ? "OK" : response.status == 404 ? "Not Found" : "Status"
        let head =
            "HTTP/1.1 \(response.status) \(reason)\r\nContent-Length: \(response.body.count)\r\n"
            + "Content-Type: application/octet-stream\r\nConnection: close\r\n\r\n"
        Self.write(Array(head.utf8) + response.body, to: connection)
    }

    /// Reads the request head and returns the path of a `GET`, or nil.
    private static func readRequestPath(_ connection: Int32) -> String? {
        var head: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while head.count < 65536 {
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            head += chunk[0..<count]
            if String(decoding: head, as: UTF8.self).contains("\r\n\r\n") { break }
        }
        let requestLine = String(decoding: head, as: UTF8.self).split(separator: "\r\n").first ?? ""
        let parts = requestLine.split(separator: " ")
        guard parts.count >= 2, parts[0] == "GET" else { return nil }
        return String(parts[1])
    }

    private static func write(_ bytes: [UInt8], to connection: Int32) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes {
                send(connection, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL))
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }  // the client went away
            sent += count
        }
    }

    private static func failure(_ call: String) -> Error {
        NSError(
            domain: "HTTPTestServer", code: Int(errno),
            userInfo: [NSLocalizedDescriptionKey: "\(call): \(String(cString: strerror(errno)))"])
    }
}
