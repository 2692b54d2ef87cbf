// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "report",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "report", targets: ["report"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CGD",
            pkgConfig: "gdlib",
            providers: [.apt(["libgd-dev"])]
        ),
        .systemLibrary(
            name: "CCmark",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "ReportData"),
        .target(name: "ReportStats", dependencies: ["ReportData"]),
        // The network's single-precision matrix kernels: SSE2 and AVX2 builds of the same
        // arithmetic, chosen at run time (bit-identical results on every x86-64 machine).
        .target(name: "CNeuralKernels"),
        .target(name: "ReportML", dependencies: ["ReportData", "CNeuralKernels"]),
        .target(name: "ReportCharts"),
        .target(name: "ReportChartsGD", dependencies: ["ReportCharts", "CGD"]),
        .target(
            name: "ReportEngine",
            dependencies: [
                "ReportData", "CCmark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "ReportSteps",
            dependencies: ["ReportEngine", "ReportData", "ReportStats", "ReportML", "ReportCharts", "ReportChartsGD"]
        ),
        .target(
            name: "ReportWriters",
            dependencies: [
                "ReportEngine", "CCmark",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("assets")]
        ),
        .target(
            name: "ReportCLI",
            dependencies: [
                "ReportEngine", "ReportSteps", "ReportWriters", "ReportData", "ReportChartsGD",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .executableTarget(name: "report", dependencies: ["ReportCLI"]),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ReportDataTests", dependencies: ["ReportData", "TestSupport"]),
        .testTarget(name: "ReportStatsTests", dependencies: ["ReportStats", "TestSupport"]),
        .testTarget(name: "ReportMLTests", dependencies: ["ReportML", "ReportData", "TestSupport"]),
        .testTarget(name: "ReportChartsTests", dependencies: ["ReportCharts", "ReportChartsGD", "TestSupport"]),
        .testTarget(name: "ReportEngineTests", dependencies: ["ReportEngine", "TestSupport"]),
        .testTarget(
            name: "ReportCLITests",
            dependencies: [
                "ReportCLI", "ReportEngine", "ReportSteps", "ReportWriters", "ReportData", "ReportCharts", "ReportChartsGD",
                "TestSupport",
            ]
        ),
    ]
)
