/// libFuzzer entry point for the Lightning CSVLogger reader (CSVTable, LightningCSVReader).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzReader(Array(UnsafeBufferPointer(start: data, count: size)), format: .lightningCSV, fileName: "metrics.csv")
}
