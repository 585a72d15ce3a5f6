extension ReportCSV {
    /// Every filter weight drawn: `filter,input_channel,row,column,weight` (PyTorch's
    /// [out, in, kh, kw] indices).
    static func filters(_ filters: FilterSet) -> String {
        var lines = ["filter,input_channel,row,column,weight"]
        lines.reserveCapacity(filters.weights.count + 1)
        for o in 0..<filters.outputChannels {
            for i in 0..<filters.inputChannels {
                let kernel = Array(filters.kernel(output: o, input: i))
                for r in 0..<filters.kernelHeight {
                    for c in 0..<filters.kernelWidth {
                        lines.append("\(o),\(i),\(r),\(c),\(number(kernel[r * filters.kernelWidth + c]))")
                    }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every feature-map value: `layer,title,channel,row,column,value`, with the test image's
    /// index and label in the first line's columns `image`, `label`.
    static func featureMaps(_ set: FeatureMapSet) -> String {
        var lines = ["image,label,layer,title,channel,row,column,value"]
        for (l, layer) in set.layers.enumerated() {
            let title = quote(layer.title)
            for ch in 0..<layer.channels {
                let map = Array(layer.map(ch))
                for r in 0..<layer.height {
                    for c in 0..<layer.width {
                        lines.append(
                            "\(set.imageIndex),\(set.label),\(l + 1),\(title),\(ch),\(r),\(c),\(number(map[r * layer.width + c]))"
                        )
                    }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
