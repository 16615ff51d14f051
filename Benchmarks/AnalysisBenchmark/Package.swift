// swift-tools-version: 6.0
import PackageDescription

// Times Yardstick's regression fits (OLS with Newey–West HAC errors and Student-t intervals) on their own, away
// from the main package, against statsmodels in scripts/bench/statsmodels_fits.py. The main package has no library
// products, so `Sources/Analysis/Numerics` is a symlink to the real `../../Sources/Analysis/Numerics`, compiled here
// as a module named `Analysis` (as Benchmarks/CSVBenchmark does with the CSV reader): the benchmark calls the same
// code across a module boundary, as the site generator does. Run it with `scripts/bench/run.sh` (step e).
let package = Package(
    name: "AnalysisBenchmark",
    products: [
        .executable(name: "analysis-benchmark", targets: ["AnalysisBenchmark"]),
    ],
    targets: [
        .target(name: "Analysis", path: "Sources/Analysis"),
        .executableTarget(name: "AnalysisBenchmark", dependencies: ["Analysis"], path: "Sources/AnalysisBenchmark"),
    ]
)
