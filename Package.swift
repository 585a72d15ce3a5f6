// swift-tools-version:6.0
import PackageDescription

// Module graph (arrows point down; C stays at the edges); Docs/Architecture.md has it in full,
// and `swift scripts/check-imports.swift` (run by CI) checks every target declares its imports:
//
//   nnreport (CLI, thin) → NNReportKit (pipelines), RenderBenchmarks; option value types only
//     from Engine, Metrics, ChartsCairo
//     ├─ Report → ChartsCairo (CCairo, CPNG) → Charts; Statistics; Datasets (LabeledImages)
//     ├─ Engine → LinearAlgebra (CBLAS), Metrics, Datasets, Randomness
//     ├─ Datasets (CZlib)
//     └─ Metrics (CSQLite, SwiftProtobuf, Yams)
let package = Package(
    name: "nnreport",
    // Linux only: built and tested on Debian 12 with Swift 6.3 (the code calls Glibc, and the C
    // libraries come from Debian's packages); no Apple platform is claimed.
    products: [
        .executable(name: "nnreport", targets: ["nnreport"]),
        .library(name: "NNReportKit", targets: ["NNReportKit"]),
        .library(name: "Charts", targets: ["Charts"]),
        .library(name: "ChartsCairo", targets: ["ChartsCairo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C libraries, each imported by exactly one Swift file.
        .systemLibrary(
            name: "CCairo", pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"]), .brew(["cairo"])]),
        .systemLibrary(
            name: "CPNG", pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"]), .brew(["libpng"])]),
        .systemLibrary(
            name: "CBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"]), .brew(["openblas"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),

        // Libraries.
        .target(name: "Randomness"),
        .target(name: "Statistics"),
        .target(
            name: "Metrics",
            dependencies: [
                "CSQLite",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"), .product(name: "Yams", package: "Yams"),
            ]),
        .target(name: "Datasets", dependencies: ["CZlib"]),
        .target(name: "LinearAlgebra", dependencies: ["CBLAS"]),
        .target(name: "Engine", dependencies: ["LinearAlgebra", "Metrics", "Datasets", "Randomness"]),
        .target(name: "Charts"),
        .target(name: "ChartsCairo", dependencies: ["Charts", "CCairo", "CPNG"]),
        .target(
            name: "Report",
            dependencies: [
                "Charts", "ChartsCairo", "Datasets", "Metrics", "Statistics",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Templates/README.md"],
            // The default templates, compiled into the binary so that it works wherever it is
            // copied (templates/ at the repository's top is a link to this folder).
            resources: [
                .embedInCode("Templates/approx-summary.md.mustache"),
                .embedInCode("Templates/approx.md.mustache"),
                .embedInCode("Templates/compare-summary.md.mustache"),
                .embedInCode("Templates/compare.md.mustache"),
                .embedInCode("Templates/comparison.md.mustache"),
                .embedInCode("Templates/log.md.mustache"),
                .embedInCode("Templates/render-summary.md.mustache"),
                .embedInCode("Templates/report.md.mustache"),
                .embedInCode("Templates/summary.md.mustache"),
                .embedInCode("Templates/sweep-summary.md.mustache"),
                .embedInCode("Templates/sweep.md.mustache"),
            ]),
        // The figure benchmark's stand-in data, apart from the library (as swift-collections
        // keeps its benchmarks apart): `nnreport bench --render` and scripts/bench-render.sh.
        .target(
            name: "RenderBenchmarks",
            dependencies: ["Report", "Charts", "ChartsCairo", "Datasets", "Metrics", "Randomness"]),
        .target(
            name: "NNReportKit",
            dependencies: ["ChartsCairo", "Datasets", "Engine", "Metrics", "Report", "LinearAlgebra"]),
        // The CLI parses options, calls one NNReportKit pipeline, prints what it returns and
        // exits. Beside NNReportKit it imports only the value types its options parse into
        // (Engine's training enums and presets, Metrics' LogFormat, ChartsCairo's OutputFormat)
        // and the render benchmark, which stays out of the libraries.
        .executableTarget(
            name: "nnreport",
            dependencies: [
                "NNReportKit", "RenderBenchmarks", "Engine", "Metrics", "ChartsCairo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // Tests: one target per module, shared helpers in TestSupport.
        .target(name: "TestSupport", dependencies: ["Charts", "Datasets", "Randomness"], path: "Tests/TestSupport"),
        .testTarget(
            name: "MetricsTests",
            dependencies: ["Metrics", "TestSupport", .product(name: "SwiftProtobuf", package: "swift-protobuf")]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "TestSupport"]),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra", "TestSupport"]),
        .testTarget(
            name: "EngineTests",
            dependencies: ["Engine", "Datasets", "LinearAlgebra", "Metrics", "Randomness", "TestSupport"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "TestSupport"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics"]),
        .testTarget(
            name: "ChartsCairoTests", dependencies: ["ChartsCairo", "Charts", "TestSupport"], exclude: ["Goldens"]),
        .testTarget(
            name: "ReportTests",
            dependencies: [
                "Report", "RenderBenchmarks", "Datasets", "Metrics", "Charts", "ChartsCairo", "Statistics",
                "TestSupport",
            ]),
        .testTarget(
            name: "NNReportTests",
            dependencies: [
                "NNReportKit", "nnreport", "Charts", "ChartsCairo", "Datasets", "Engine", "LinearAlgebra", "Metrics",
                "Report", "Statistics", "TestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
