/// Pure-Swift charts: scales, ticks, layout, marks and themes, drawn on a `Canvas`.
public enum ChartsInfo {
    public static let name = "Charts"
}
