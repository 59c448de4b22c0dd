// swift-tools-version: 6.2
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "benchstat",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "benchstat", targets: ["benchstat"]),
        .library(name: "Statistics", targets: ["Statistics"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // Without its default trait `EnableShrinking`: a failing property is reported with the
        // input and seed that failed, at once. Shrinking the arrays of doubles of a failing
        // statistics property ran for over 20 minutes (one core) without ending, which in CI is a
        // hung run, not a report. `.shrinking()` on one test turns it back on when debugging.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1", traits: []),
    ],
    targets: [
        // The GNU Scientific Library, seen through one shim header. Only Statistics/GSL.swift imports it.
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        // SQLite (the embedded history store) and libpq (the shared PostgreSQL store), each loaded with
        // dlopen on first use, so that a process that opens no history loads neither (libpq alone pulls in
        // ~20 libraries); only BenchmarkHistory's SQLiteConnection.swift and PostgresConnection.swift import them.
        .target(name: "CSQLite", linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "CPostgreSQL", linkerSettings: [.linkedLibrary("dl")]),
        // printf's number conversions without Foundation's variadic String(format:) (C: snprintf).
        .target(name: "CNumberText"),
        .target(name: "NumberText", dependencies: ["CNumberText"], swiftSettings: strictSettings),
        // glibc's malloc_trim: the CLI returns the loaded data's freed pages before rendering.
        .target(name: "CProcessMemory"),
        // Statistics over [Double]: knows nothing about benchmarks.
        .target(name: "Statistics", dependencies: ["CGSL"], swiftSettings: strictSettings),
        // Benchmarks, units, modes, labels and runs: the data model every layer shares.
        .target(name: "BenchmarkModel", swiftSettings: strictSettings),
        // Discovery of runs/ and the loaders for each input format: knows nothing about statistics.
        .target(name: "BenchmarkIngest", dependencies: ["BenchmarkModel"], swiftSettings: strictSettings),
        // The history store: recorded runs in SQLite or PostgreSQL behind one protocol.
        .target(
            name: "BenchmarkHistory", dependencies: ["BenchmarkModel", "CSQLite", "CPostgreSQL"],
            swiftSettings: strictSettings),
        // Comparisons, noise models, verdicts and the gate.
        .target(
            name: "BenchmarkAnalysis",
            dependencies: ["BenchmarkModel", "Statistics"],
            swiftSettings: strictSettings
        ),
        // Table model and renderers: only render an analysis result.
        .target(
            name: "BenchmarkReports",
            dependencies: ["BenchmarkModel", "BenchmarkAnalysis", "NumberText"],
            swiftSettings: strictSettings
        ),
        // The command-line interface as a library, so tests can drive it without a process.
        .target(
            name: "BenchstatCLI",
            dependencies: [
                "BenchmarkModel", "BenchmarkIngest", "BenchmarkAnalysis", "BenchmarkReports", "CProcessMemory",
                "BenchmarkHistory", "Statistics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "benchstat", dependencies: ["BenchstatCLI"], swiftSettings: strictSettings),
        // What several test targets share: the seeded generator, in-memory dataset builders, temporary
        // directories and the JSON-Schema validator. A regular target, so test targets can depend on it.
        .target(
            name: "BenchstatTestSupport", dependencies: ["BenchmarkModel"], path: "Tests/BenchstatTestSupport",
            swiftSettings: strictSettings),
        // Tests find their fixtures next to their sources (through #filePath), not as bundle resources.
        .testTarget(
            name: "StatisticsTests",
            dependencies: [
                "Statistics", "BenchstatTestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Reference"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BenchmarkIngestTests",
            dependencies: ["BenchmarkModel", "BenchmarkIngest", "BenchstatTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BenchmarkAnalysisTests",
            dependencies: [
                "BenchmarkModel", "BenchmarkAnalysis", "Statistics", "BenchstatTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BenchmarkHistoryTests",
            dependencies: ["BenchmarkHistory", "BenchmarkModel", "BenchmarkIngest", "BenchstatTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BenchmarkReportsTests",
            dependencies: [
                "BenchmarkModel", "BenchmarkAnalysis", "BenchmarkReports", "NumberText", "BenchstatTestSupport",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BenchstatCLITests",
            dependencies: ["BenchstatCLI", "benchstat", "BenchmarkModel", "BenchmarkAnalysis", "BenchstatTestSupport"],
            exclude: ["Fixtures", "Golden", "BadInputs"],
            swiftSettings: strictSettings
        ),
    ]
)
