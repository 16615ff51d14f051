// swift-tools-version: 6.0
import PackageDescription

// Coverage-guided fuzzing of the content loaders with libFuzzer, away from the main package so the
// sanitizer build never slows or invalidates the main build. `Sources/Model/Model` and
// `Sources/LoadingHarness/Loading` are symlinks to the real sources in `../Sources`, compiled here
// with the harness checks beside them: the loaders are internal to `Loading`, so the checks must
// live in the same module to call them. Each `fuzz-*` executable only defines
// `LLVMFuzzerTestOneInput`; libFuzzer supplies `main`. Build and run with `scripts/fuzz.sh`, which
// passes `--sanitize fuzzer --sanitize address -Xswiftc -parse-as-library`; see docs/FUZZING.md.
let package = Package(
    name: "YardstickFuzz",
    products: [
        .executable(name: "fuzz-csv", targets: ["FuzzCSV"]),
        .executable(name: "fuzz-front-matter", targets: ["FuzzFrontMatter"]),
        .executable(name: "fuzz-contract-yaml", targets: ["FuzzContractYAML"]),
        .executable(name: "fuzz-note", targets: ["FuzzNote"]),
        .executable(name: "fuzz-snapshot-with-contract", targets: ["FuzzSnapshot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .target(name: "Model", path: "Sources/Model"),
        // The real Loading sources (symlinked) plus the properties each fuzz target checks.
        .target(
            name: "LoadingHarness",
            dependencies: ["Model", .product(name: "Yams", package: "Yams")],
            path: "Sources/LoadingHarness"
        ),
        .executableTarget(name: "FuzzCSV", dependencies: ["LoadingHarness"], path: "Sources/FuzzCSV"),
        .executableTarget(name: "FuzzFrontMatter", dependencies: ["LoadingHarness"], path: "Sources/FuzzFrontMatter"),
        .executableTarget(name: "FuzzContractYAML", dependencies: ["LoadingHarness"], path: "Sources/FuzzContractYAML"),
        .executableTarget(name: "FuzzNote", dependencies: ["LoadingHarness"], path: "Sources/FuzzNote"),
        .executableTarget(name: "FuzzSnapshot", dependencies: ["LoadingHarness"], path: "Sources/FuzzSnapshot"),
    ]
)
