import Metrics

extension Network {
    /// summary.json's `layers`: `[{"inputs": 784, "outputs": 256, "activation": "relu"}, ...,
    /// {"inputs": 64, "outputs": 10, "activation": "softmax"}]`.
    public var layersJSON: JSONValue {
        .array(
            layers.enumerated().map { index, layer in
                .object([
                    ("inputs", .number(Double(layer.inputs))),
                    ("outputs", .number(Double(layer.outputs))),
                    ("activation", .string(index == layers.count - 1 ? "softmax" : activation.rawValue)),
                ])
            })
    }
}

extension InputTransform {
    /// summary.json's `input_transform`: `{"scale": s, "mean": m, "std": d}`, each of `m` and `d`
    /// a number when one value serves every pixel, else a list of one value per pixel.
    public var json: JSONValue {
        func values(_ v: [Float]) -> JSONValue {
            v.count == 1 ? .number(Double(v[0])) : .array(v.map { .number(Double($0)) })
        }
        return .object([("scale", .number(Double(scale))), ("mean", values(mean)), ("std", values(std))])
    }
}
