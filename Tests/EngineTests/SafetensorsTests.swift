import Engine
import Foundation
import Testing

@Suite struct SafetensorsTests {
    let network = Network(
        layers: [
            Network.Layer(inputs: 3, outputs: 2, weights: [1, 2, 3, 4, 5, 6], biases: [0.5, -0.5]),
            Network.Layer(inputs: 2, outputs: 1, weights: [-1, 0.25], biases: [2]),
        ],
        activation: .tanh, inputTransform: .identity)

    func parse(_ bytes: [UInt8]) throws -> (length: Int, header: [String: Any]) {
        let length = bytes[0..<8].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        let json = try JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + length)]))
        return (length, try #require(json as? [String: Any]))
    }

    func floats(_ bytes: ArraySlice<UInt8>) -> [Float] {
        stride(from: bytes.startIndex, to: bytes.endIndex, by: 4).map { i in
            Float(
                bitPattern: UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(
                    bytes[i + 3]) << 24)
        }
    }

    @Test func headerDescribesNNLinearTensors() throws {
        let bytes = SafetensorsWriter.data(for: network)
        let (length, header) = try parse(bytes)
        #expect(length % 8 == 0)
        let w0 = try #require(header["layers.0.weight"] as? [String: Any])
        #expect(w0["dtype"] as? String == "F32")
        #expect(w0["shape"] as? [Int] == [2, 3])
        #expect((header["layers.0.bias"] as? [String: Any])?["shape"] as? [Int] == [2])
        #expect((header["layers.1.weight"] as? [String: Any])?["shape"] as? [Int] == [1, 2])
        let meta = try #require(header["__metadata__"] as? [String: String])
        #expect(meta == ["format": "pt", "activation": "tanh", "sizes": "3,2,1"])
        #expect(bytes.count == 8 + length + 4 * (6 + 2 + 2 + 1))
    }

    @Test func keysAreSortedAndDataFollowsTheirOrder() throws {
        let bytes = SafetensorsWriter.data(for: network)
        let (length, header) = try parse(bytes)
        let text = String(decoding: bytes[8..<(8 + length)], as: UTF8.self)
        let names = ["__metadata__", "layers.0.bias", "layers.0.weight", "layers.1.bias", "layers.1.weight"]
        let positions = names.map { text.range(of: "\"\($0)\"")!.lowerBound }
        #expect(positions == positions.sorted())
        // The header is one JSON object padded with spaces (fewer than 8) so the data starts 8-byte aligned.
        let object = text.trimmingCharacters(in: .init(charactersIn: " "))
        #expect(object.hasPrefix("{") && object.hasSuffix("}"))
        #expect(text.count - object.count < 8)
        #expect(text.hasPrefix(object))
        let base = 8 + length
        var expectedOffset = 0
        for (name, values) in [
            ("layers.0.bias", [Float](arrayLiteral: 0.5, -0.5)), ("layers.0.weight", [1, 2, 3, 4, 5, 6]),
            ("layers.1.bias", [2]), ("layers.1.weight", [-1, 0.25]),
        ] {
            let offsets = try #require((header[name] as? [String: Any])?["data_offsets"] as? [Int])
            #expect(offsets == [expectedOffset, expectedOffset + 4 * values.count])
            #expect(floats(bytes[(base + offsets[0])..<(base + offsets[1])]) == values)
            expectedOffset = offsets[1]
        }
    }
}
