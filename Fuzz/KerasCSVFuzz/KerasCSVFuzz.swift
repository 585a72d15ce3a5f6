/// libFuzzer entry point for the Keras CSVLogger reader (CSVTable, KerasCSVReader).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzReader(Array(UnsafeBufferPointer(start: data, count: size)), format: .kerasCSV, fileName: "training.csv")
}
