/// nnreport's version, written into summary.json, report READMEs and PNG metadata.
public enum NNReportVersion {
    public static let string = "0.1.0"
}
