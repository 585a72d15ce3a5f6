import Charts
import ChartsCairo
import Metrics
import Mustache

public enum ReportInfo {
    public static let name = "Report"
}
