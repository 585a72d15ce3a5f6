import Metrics

extension ConvArchitecture {
    /// summary.json's `layers` for a `--layers` network: one entry per module of the
    /// `nn.Sequential` that rebuilds it, then its softmax. Each entry has a `kind` (`conv2d`,
    /// `relu`, `sigmoid`, `tanh`, `maxpool2d`, `flatten`, `linear`, `dropout`, `softmax`), the
    /// arguments PyTorch's module takes under their PyTorch names, and the shapes per image it
    /// reads and writes. Entry `i`'s parameters are `layers.<i>.weight` and `layers.<i>.bias`.
    public var layersJSON: JSONValue {
        func shape(_ s: TensorShape) -> JSONValue {
            s.isVector ? .array([.int(s.channels)]) : .array(s.array.map { .int($0) })
        }
        func pair(_ a: Int, _ b: Int) -> JSONValue { .array([.int(a), .int(b)]) }
        var entries: [JSONValue] = []
        for (index, module) in modules.enumerated() {
            var members: [(key: String, value: JSONValue)] = [("kind", .string(kind(of: index)))]
            switch module {
            case .convolution(let g):
                members += [
                    ("in_channels", .int(g.input.channels)), ("out_channels", .int(g.outputChannels)),
                    ("kernel_size", pair(g.kernelHeight, g.kernelWidth)), ("stride", pair(g.stride, g.stride)),
                    ("padding", pair(g.padding, g.padding)),
                ]
            case .maxPool(let g):
                members += [("kernel_size", .int(g.size)), ("stride", .int(g.stride))]
            case .flatten:
                members.append(("start_dim", .int(1)))
            case .dense(let g):
                members += [
                    ("in_features", .int(g.inputs)), ("out_features", .int(g.outputs)), ("inputs", .int(g.inputs)),
                    ("outputs", .int(g.outputs)),
                ]
            case .dropout(let rate):
                members.append(("p", .number(rate)))
            case .activation:
                break
            }
            members += [("input_shape", shape(inputShape(of: index))), ("output_shape", shape(shapes[index]))]
            if let weight = ConvNetwork.weightShape(module) {
                members += [
                    ("weight", .string("layers.\(index).weight")), ("weight_shape", .array(weight.map { .int($0) })),
                    ("bias", .string("layers.\(index).bias")),
                ]
            }
            entries.append(.object(members))
        }
        let last = shapes[shapes.count - 1]
        entries.append(
            .object([
                ("kind", "softmax"), ("dim", .int(1)), ("input_shape", shape(last)), ("output_shape", shape(last)),
            ]))
        return .array(entries)
    }
}
