/// Where a legend goes.
public enum LegendPlacement: Hashable, Sendable {
    public enum Corner: Hashable, Sendable, CaseIterable {
        case topRight, topLeft, bottomLeft, bottomRight, top, bottom, right, left
    }

    /// Inside the plot where it covers the least data, in the order of `Corner.allCases` for
    /// ties; outside to the right when every inside position would cover data.
    case automatic
    case inside(Corner)
    case outsideRight
    case hidden
}
