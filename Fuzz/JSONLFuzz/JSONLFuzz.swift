/// libFuzzer entry point for the nnreport metrics.jsonl reader (JSONParser, JSONLLogReader).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzReader(Array(UnsafeBufferPointer(start: data, count: size)), format: .nnreport, fileName: "metrics.jsonl")
}
