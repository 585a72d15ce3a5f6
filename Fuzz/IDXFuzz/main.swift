// libFuzzer target for the IDX reader (plain and gzip input). Not part of the package build:
// `scripts/fuzz.sh IDXFuzz SECONDS` compiles it together with Sources/Datasets as one module.
//
// Every input is read as labels and as images, with and without a checksum to verify. The reader
// must either return content whose size matches its header or throw a DatasetError; it must
// never crash, hang, or allocate more than the header promises within the file's bounds.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIDX(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let reader = IDXReader()
    let someDigest = MD5.digest(bytes)
    for kind in [IDXKind.labels, .images] {
        for expected in [nil, someDigest] {
            do {
                let content = try reader.read(
                    kind, from: MemorySource(bytes: bytes, path: "fuzz"), expectedMD5: expected)
                let claimed = content.dimensions.reduce(1, *)
                precondition(content.payload.count == claimed, "payload \(content.payload.count) != claimed \(claimed)")
                precondition(content.dimensions.count == kind.dimensionCount, "dimensions \(content.dimensions)")
                if kind == .labels {
                    do {
                        let labels = try reader.labels(content, classCount: 10)
                        precondition(labels.allSatisfy { $0 < 10 }, "a label >= 10 was accepted")
                    } catch {
                        _ = error.description
                    }
                }
            } catch {
                // Messages are built from untrusted numbers: formatting them must not trap either.
                precondition(!error.description.isEmpty)
            }
        }
    }
    return 0
}
