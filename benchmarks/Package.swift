// swift-tools-version: 6.1
// Micro-benchmarks of fynd's stages with ordo-one/package-benchmark. A package of its own, so
// the main build stays lean.   Run: cd benchmarks && swift package benchmark
import Foundation
import PackageDescription

/// The identity of the fynd package at "..": its folder's name (a clone may be called anything).
let fynd = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "fynd-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "FyndBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "FyndPipeline", package: fynd),
            ],
            path: "Benchmarks/FyndBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        )
    ]
)
