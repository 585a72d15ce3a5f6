import Foundation
import Metrics

/// The data behind each figure, as CSV text beside it (so a reader can re-plot or check it).
///
/// Numbers use ``JSONWriter/format(_:)``: shortest round-tripping form, byte-stable.
enum ReportCSV {
    /// Loss and accuracy curves in long ("tidy") form: `series,x,value`, one row per point.
    static func curves(epochs: [EpochRecord], steps: [StepRecord], stepsPerEpoch: Double?, metric: String) -> String {
        var lines = ["series,epoch,step,value"]
        if metric == "loss" {
            for s in steps {
                let x = stepsPerEpoch.map { Double(s.step) / $0 }
                lines.append("train_step,\(x.map(number) ?? ""),\(s.step),\(number(s.loss))")
            }
        }
        for e in epochs {
            let train = metric == "loss" ? e.loss : e.accuracy
            lines.append("train,\(e.epoch),,\(number(train))")
        }
        for e in epochs {
            guard let v = metric == "loss" ? e.valLoss : e.valAccuracy else { continue }
            lines.append("validation,\(e.epoch),,\(number(v))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `true\predicted` matrix with class names as header and first column.
    static func confusion(_ matrix: [[Int]], classNames: [String]) -> String {
        var lines = ["true\\predicted," + classNames.map(quote).joined(separator: ",")]
        for (i, row) in matrix.enumerated() {
            lines.append(quote(classNames[i]) + "," + row.map(String.init).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per class: total, correct, accuracy, precision.
    static func perClass(_ rows: [ClassAccuracy], classNames: [String]) -> String {
        var lines = ["class,name,total,correct,accuracy,precision"]
        for r in rows {
            lines.append(
                "\(r.classIndex),\(quote(classNames[r.classIndex])),\(r.total),\(r.correct),"
                    + "\(r.accuracy.map(number) ?? ""),\(r.precision.map(number) ?? "")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Test images shown with their probabilities: `index,label,predicted,confidence,p0..pK`.
    static func predictions(
        indices: [Int], labels: [Int], probabilities: [Float], classCount: Int
    ) -> String {
        var lines = ["index,label,predicted,confidence," + (0..<classCount).map { "p\($0)" }.joined(separator: ",")]
        for i in indices {
            let p = probabilities[(i * classCount)..<((i + 1) * classCount)]
            var best = p.startIndex
            for j in p.indices where p[j] > p[best] { best = j }
            let predicted = best - p.startIndex
            lines.append(
                "\(i),\(labels[i]),\(predicted),\(number(p[best])),"
                    + p.map { number($0) }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Sample images shown: their index in the training file and label.
    static func samples(count: Int, labels: [Int], classNames: [String]) -> String {
        var lines = ["index,label,name"]
        for i in 0..<min(count, labels.count) {
            lines.append("\(i),\(labels[i]),\(quote(classNames.indices.contains(labels[i]) ? classNames[labels[i]] : ""))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// First-layer weights of the tiles shown: one row per hidden unit, one column per input pixel.
    static func weights(_ weights: [Float], units: Int, inputs: Int) -> String {
        var lines = ["unit," + (0..<inputs).map { "w\($0)" }.joined(separator: ",")]
        lines.reserveCapacity(units + 1)
        for u in 0..<units {
            var line = String(u)
            for i in 0..<inputs {
                line += ","
                line += number(weights[u * inputs + i])
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func number(_ value: Double) -> String {
        value.isFinite ? JSONWriter.format(value) : ""
    }

    /// A Float in its own shortest round-tripping form ("0.1", not "0.10000000149011612").
    static func number(_ value: Float) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e7 { return String(Int(value)) }
        return "\(value)"
    }

    /// RFC 4180 quoting when the field needs it.
    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
