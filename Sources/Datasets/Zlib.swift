import CZlib

enum ZlibInfo {
    static var version: String { String(cString: zlibVersion()) }
}
