/// The data behind each approx figure, as CSV text beside it (numbers in shortest
/// round-tripping form, as ``ReportCSV`` writes them).
enum ApproxCSV {
    /// Curves in long ("tidy") form: `series,x,y`, one row per point, series in order.
    static func curves(_ curves: [(name: String, curve: ApproxCurve)]) -> String {
        var lines = ["series,x,y"]
        for (name, curve) in curves {
            for (x, y) in zip(curve.x, curve.y) {
                lines.append("\(ReportCSV.quote(name)),\(ReportCSV.number(x)),\(ReportCSV.number(y))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per box count: the errors of the staircase and the Lipschitz bound.
    static func staircaseErrors(_ s: ApproxStaircase) -> String {
        var lines = ["boxes,box_width,step_neurons,merged_step_neurons,max_abs_error,rms_error,worst_x,bound"]
        for l in s.levels {
            lines.append(
                [
                    String(l.boxes), ReportCSV.number(l.boxWidth), String(l.network.hiddenCount), String(l.mergedNeurons),
                    ReportCSV.number(l.maxError), ReportCSV.number(l.rmsError), ReportCSV.number(l.worstX),
                    ReportCSV.number(l.errorBound),
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every start's recorded steps: `start,step,loss,max_abs_residual,exact_at_end` (start 1-based).
    static func starts(_ fit: ApproxFit) -> String {
        var lines = ["start,step,loss,max_abs_residual,exact_at_end"]
        for s in fit.starts {
            for i in s.historySteps.indices {
                lines.append(
                    "\(s.index + 1),\(s.historySteps[i]),\(ReportCSV.number(s.historyLosses[i])),"
                        + "\(ReportCSV.number(s.historyMaxResiduals[i])),\(s.isExact)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
