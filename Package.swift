// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Yardstick",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "yardstick", targets: ["yardstick"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
    ],
    targets: [
        // The cmark-gfm C library, from the Debian packages libcmark-gfm-dev and libcmark-gfm-extensions-dev.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Plain values in the user's language: contracts, snapshots, notes, diagnostics.
        .target(name: "Model"),
        // Reads a content directory into Model values and reports every problem found.
        .target(name: "Loading", dependencies: ["Model", .product(name: "Yams", package: "Yams")]),
        // Pure analysis: no file system, no clock.
        .target(name: "Analysis", dependencies: ["Model"]),
        // Turns reports into pages: (path, bytes) pairs. Writes nothing.
        .target(
            name: "Rendering",
            dependencies: ["Model", "Analysis", "CCmarkGFM"]
        ),
        // The atomic directory swap the site writer needs (renameat2 is not visible from Swift's Glibc).
        .target(name: "CSupport"),
        // The build pipeline and the only code that touches the output directory.
        .target(name: "Site", dependencies: ["Model", "Loading", "Analysis", "Rendering", "CSupport"]),
        // `yardstick serve`: the preview server with rebuild on change (loopback only).
        .target(name: "Preview", dependencies: ["Site", "Model", "CSupport", .product(name: "FlyingFox", package: "FlyingFox")]),
        // The thin command-line front end.
        .executableTarget(
            name: "yardstick",
            dependencies: ["Site", "Preview", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        .testTarget(name: "LoadingTests", dependencies: ["Loading"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Preview"]),
    ]
)
