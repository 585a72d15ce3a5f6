/// Holm's step-down adjustment of p-values for several tests at once, as statsmodels'
/// `multipletests(p, method="holm")` and R's `p.adjust(p, "holm")`.
///
/// Testing m metrics at α each would flag one of them by chance far more often than α;
/// comparing Holm-adjusted p-values with α keeps the chance of any false "better" or "worse"
/// at most α, with no assumption about how the metrics are correlated, and it is never less
/// powerful than Bonferroni's m·p.
public enum HolmAdjustment {
    /// The adjusted p-values, in the order given: the i-th smallest p is multiplied by
    /// m − i + 1, made non-decreasing along the sorted order, and capped at 1.
    public static func adjust(_ pValues: [Double]) -> [Double] {
        let m = pValues.count
        // Ties keep their input order, so equal p-values get equal adjusted values.
        let order = pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
        var adjusted = [Double](repeating: 1, count: m)
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, min(1, Double(m - rank) * pValues[index]))
            adjusted[index] = running
        }
        return adjusted
    }
}
