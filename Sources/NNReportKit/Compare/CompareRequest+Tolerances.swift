import Report

extension CompareRequest {
    /// The `--tolerance` values of the command line; the error says which one is wrong and
    /// what is expected.
    public static func tolerances(parsing texts: [String]) throws(ToleranceError) -> [MetricTolerance] {
        var tolerances: [MetricTolerance] = []
        for text in texts {
            guard let tolerance = MetricTolerance(parsing: text) else {
                throw ToleranceError(
                    description:
                        "--tolerance \(text) is not allowed: expected a number ≥ 0, a percentage (0.5%), or metric=amount "
                        + "(val_loss=0.01)")
            }
            tolerances.append(tolerance)
        }
        if tolerances.filter({ $0.metric == nil }).count > 1 {
            throw ToleranceError(
                description: "--tolerance without a metric name is given twice: give one default tolerance")
        }
        return tolerances
    }
}
