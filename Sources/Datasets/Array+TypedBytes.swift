extension Array where Element == UInt8 {
    /// `withUnsafeMutableBytes` for a body with a typed error: the standard one rethrows, which
    /// widens the error to `any Error`.
    mutating func withMutableBytes<Result, Failure: Error>(
        _ body: (UnsafeMutableRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let outcome: Swift.Result<Result, Failure> = withUnsafeMutableBytes { bytes in
            Swift.Result { () throws(Failure) in try body(bytes) }
        }
        return try outcome.get()
    }
}
