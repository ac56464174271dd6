// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "fynd",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "fynd", targets: ["fynd"]),
        .library(name: "FyndPipeline", targets: ["FyndPipeline"]),
    ],
    // Pinned to exact versions here (Package.resolved is not committed): a build gets the
    // dependencies this tool was tested with. Raise them by hand.
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        // C shims over the system libraries.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),

        // One library per stage.
        .target(name: "FyndCore", dependencies: ["CCrypto"]),
        .target(name: "FyndNormalize", dependencies: ["FyndCore", "CICU", "CLibXML2"]),
        .target(name: "FyndSegment", dependencies: ["FyndCore", "CICU"]),
        .target(name: "FyndRules", dependencies: ["FyndCore", "FyndSegment", .product(name: "Yams", package: "Yams")]),
        .target(name: "FyndExtract", dependencies: ["FyndCore", "FyndRules", "CICU"]),
        .target(name: "FyndEmit", dependencies: ["FyndCore"]),
        .target(name: "FyndCases", dependencies: ["FyndCore"]),
        .target(name: "FyndReport", dependencies: ["FyndCore", "FyndCases"]),
        .target(
            name: "FyndPipeline",
            dependencies: ["FyndCore", "FyndNormalize", "FyndSegment", "FyndRules", "FyndExtract", "FyndEmit", "CSQLite"],
            plugins: ["EmbedRules"]
        ),
        .executableTarget(name: "embed-rules", dependencies: ["FyndCore"]),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["embed-rules"]),
        .executableTarget(
            name: "fynd",
            dependencies: ["FyndCore", "FyndPipeline", "FyndRules", "FyndExtract", "FyndCases", "FyndReport", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        .testTarget(name: "FyndCoreTests", dependencies: ["FyndCore"]),
        .testTarget(name: "FyndNormalizeTests", dependencies: ["FyndNormalize"]),
        .testTarget(name: "FyndSegmentTests", dependencies: ["FyndSegment"]),
        .testTarget(name: "FyndRulesTests", dependencies: ["FyndRules", "FyndPipeline"], exclude: ["Fixtures"]),
        .testTarget(name: "FyndExtractTests", dependencies: ["FyndExtract", "FyndPipeline"]),
        .testTarget(name: "FyndPipelineTests", dependencies: ["FyndPipeline"]),
        .testTarget(name: "FyndCasesTests", dependencies: ["FyndCore", "FyndCases", "FyndReport", "FyndPipeline"]),
        .testTarget(name: "FyndReportTests", dependencies: ["FyndReport", "FyndPipeline"]),
        // Runs the built `fynd` binary: exit codes, signals, --resume.
        .testTarget(name: "FyndCLITests", dependencies: ["fynd"]),
    ],
    swiftLanguageModes: [.v6]
)
