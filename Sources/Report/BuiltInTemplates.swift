/// The default templates, compiled into the binary from Sources/Report/Templates (SwiftPM's
/// `embedInCode` resources): `templates/README.md` documents their views.
enum BuiltInTemplates {
    static let all: [String: String] = [
        "approx-summary.md": text(PackageResources.approx_summary_md_mustache),
        "approx.md": text(PackageResources.approx_md_mustache),
        "compare-summary.md": text(PackageResources.compare_summary_md_mustache),
        "compare.md": text(PackageResources.compare_md_mustache),
        "comparison.md": text(PackageResources.comparison_md_mustache),
        "log.md": text(PackageResources.log_md_mustache),
        "render-summary.md": text(PackageResources.render_summary_md_mustache),
        "report.md": text(PackageResources.report_md_mustache),
        "summary.md": text(PackageResources.summary_md_mustache),
        "sweep-summary.md": text(PackageResources.sweep_summary_md_mustache),
        "sweep.md": text(PackageResources.sweep_md_mustache),
    ]

    private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
