// swift-tools-version:6.0
import PackageDescription

// Module graph (arrows point down; C stays at the edges), as in DESIGN.md:
//
//   nnreport (CLI, thin) → NNReportKit (pipelines)
//     ├─ Report → ChartsCairo (CCairo, CPNG) → Charts; Statistics
//     ├─ Engine → LinearAlgebra (CBLAS), Metrics, Datasets, Randomness
//     ├─ Datasets (CZlib)
//     └─ Metrics
let package = Package(
    name: "nnreport",
    platforms: [.macOS(.v14)],
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
                "Charts", "ChartsCairo", "Metrics", "Randomness", "Statistics",
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .target(
            name: "NNReportKit",
            dependencies: ["Datasets", "Engine", "Metrics", "Report", "LinearAlgebra"]),
        .executableTarget(
            name: "nnreport",
            dependencies: [
                "NNReportKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // Tests: one target per module, shared helpers in TestSupport.
        .target(name: "TestSupport", dependencies: ["Charts", "Datasets", "Randomness"], path: "Tests/TestSupport"),
        .testTarget(
            name: "MetricsTests",
            dependencies: ["Metrics", "TestSupport", .product(name: "SwiftProtobuf", package: "swift-protobuf")]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "TestSupport"]),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra", "TestSupport"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Datasets", "Randomness", "TestSupport"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "TestSupport"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics"]),
        .testTarget(
            name: "ChartsCairoTests", dependencies: ["ChartsCairo", "Charts", "TestSupport"], exclude: ["Goldens"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Metrics", "Charts", "TestSupport"]),
        .testTarget(
            name: "NNReportTests",
            dependencies: ["NNReportKit", "nnreport", "ChartsCairo", "Report", "Metrics", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
