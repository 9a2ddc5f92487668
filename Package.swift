// swift-tools-version: 6.0
import PackageDescription

/// The engine is compiled with optimisation even in debug builds: the book
/// trains a model while it builds, and an unoptimised engine is 50x slower.
/// Its tape is a class whose buffers are read in the innermost loops; dynamic
/// exclusivity checks on those reads cost the engine 5x, and it has no
/// overlapping accesses to check, so they are off for this one module.
let optimizedEvenInDebug: [SwiftSetting] = [.unsafeFlags(["-O", "-enforce-exclusivity=unchecked"])]

let package = Package(
    name: "book",
    products: [
        .executable(name: "book", targets: ["book"]),
        .executable(name: "book-serve", targets: ["book-serve"]),
        .library(name: "BookKit", targets: ["BookKit"]),
        .library(name: "MicroGPT", targets: ["MicroGPT"]),
        .library(name: "MicroGPTSteps", targets: ["MicroGPTSteps"]),
        .library(name: "BookServe", targets: ["BookServe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // `book serve`'s HTTP and WebSocket server: plain sockets and Swift concurrency, no SwiftNIO.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The engine: knows nothing of Markdown, steps or pages.
        .target(
            name: "MicroGPT",
            swiftSettings: optimizedEvenInDebug
        ),
        // The compiler, engine-neutral: Markdown, chapters, the step interpreter, results,
        // renderers and the project that ties them together.
        .target(
            name: "BookKit",
            dependencies: [
                "CCmark",
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftOperators", package: "swift-syntax"),
                .product(name: "SwiftParserDiagnostics", package: "swift-syntax"),
                .product(name: "SwiftDiagnostics", package: "swift-syntax"),
                .product(name: "SwiftIDEUtils", package: "swift-syntax"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Resources")]
        ),
        // The binding: MicroGPT's builtins, operators and displays for steps. The only target
        // that knows both the engine and the compiler.
        .target(
            name: "MicroGPTSteps",
            dependencies: ["BookKit", "MicroGPT"]
        ),
        // `book serve`: the last good build over HTTP, rebuilt on edits, open pages reloaded.
        .target(
            name: "BookServe",
            dependencies: [
                "BookKit",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ],
            resources: [.copy("Resources")]
        ),
        // What the command-line tools share: the chapter options, the console, error printing.
        .target(
            name: "BookCommands",
            dependencies: [
                "BookKit",
                "MicroGPTSteps",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "book",
            dependencies: [
                "BookCommands",
                "BookKit",
                "MicroGPT",
                "MicroGPTSteps",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `book serve`'s server, run by `book serve`: its HTTP libraries load only while serving.
        .executableTarget(
            name: "book-serve",
            dependencies: [
                "BookCommands",
                "BookKit",
                "BookServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Tools only tests use: the headless-browser page check.
        .target(name: "BookTestSupport", dependencies: ["BookKit"]),
        // What the fuzzers and the differential check share: the harness, a mutator, a program generator.
        .target(name: "StepFuzzing", dependencies: ["BookKit"]),
        .testTarget(name: "MicroGPTTests", dependencies: ["MicroGPT"], exclude: ["Fixtures"]),
        .testTarget(name: "BookKitTests", dependencies: ["BookKit", "BookTestSupport", "CCmark", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "BookServeTests", dependencies: ["BookServe", "BookKit", "BookTestSupport", .product(name: "FlyingFox", package: "FlyingFox")]),
        .testTarget(name: "MicroGPTStepsTests", dependencies: ["MicroGPTSteps", "BookKit", "MicroGPT", "BookTestSupport", "StepFuzzing"], exclude: ["Fixtures"]),
        .testTarget(name: "ChapterTests", dependencies: ["BookKit", "MicroGPT", "MicroGPTSteps", "BookTestSupport"]),
        // Every step of the book compiled as Swift against MicroGPT (ExportedChapters.swift,
        // written by `book export-steps`), checked to print what the interpreter prints.
        .testTarget(name: "StepParityTests", dependencies: ["BookKit", "MicroGPT", "MicroGPTSteps"]),
    ]
)

// The libFuzzer target over steps and chapters, only when `scripts/fuzz` asks for it: it has no
// `main` of its own (libFuzzer brings one), so an ordinary build must not try to link it.
if Context.environment["BOOK_FUZZ"] != nil {
    package.targets.append(.executableTarget(
        name: "StepFuzzer",
        dependencies: ["BookKit", "MicroGPTSteps", "StepFuzzing"],
        path: "Fuzz/StepFuzzer",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    ))
    // The interpreter's half of the differential check (`scripts/differential`).
    package.targets.append(.executableTarget(
        name: "StepDiff",
        dependencies: ["BookKit", "MicroGPTSteps", "StepFuzzing"],
        path: "Fuzz/StepDiff"
    ))
}
