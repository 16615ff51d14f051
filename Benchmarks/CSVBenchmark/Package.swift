// swift-tools-version: 6.0
import PackageDescription

// Measures the CSV reader on its own, away from the main package, so benchmarking never slows or
// invalidates the main test build. `Sources/Loading/CSV` is a symlink to the real sources in
// `../../Sources/Loading/CSV`, compiled here as a module named `Loading` so the benchmark calls the
// reader across a module boundary, as the site generator does. Run it with `scripts/bench-csv.sh`.
let package = Package(
    name: "CSVBenchmark",
    products: [
        .executable(name: "csv-benchmark", targets: ["CSVBenchmark"]),
    ],
    targets: [
        .target(name: "Loading", path: "Sources/Loading"),
        .executableTarget(name: "CSVBenchmark", dependencies: ["Loading"], path: "Sources/CSVBenchmark"),
    ]
)
