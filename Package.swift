// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "plantrack",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "plantrack", targets: ["plantrack"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    // Pure domain: no files, no clock, no terminal.
    .target(name: "PlanTrackCore"),
    // Target files (Yams) and the actuals store (GRDB).
    .target(
      name: "PlanTrackStore",
      dependencies: [
        "PlanTrackCore", "CLibPQ",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
        .product(name: "Yams", package: "Yams"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    .target(name: "PlanTrackExtract", dependencies: ["PlanTrackCore"]),
    // Reports: snapshots in every format, diff, reminders; xlsx through ZIPFoundation.
    .target(
      name: "PlanTrackExport",
      dependencies: ["PlanTrackCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    .target(name: "PlanTrackUI", dependencies: ["PlanTrackCore"]),
    // libpq, PostgreSQL's C client, for the shared store.
    .systemLibrary(
      name: "CLibPQ", path: "Sources/CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
    // The only code that touches ncurses.
    .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW"),
    .target(name: "PlanTrackTerminal", dependencies: ["CNCursesW", "PlanTrackUI"]),
    .executableTarget(
      name: "plantrack",
      dependencies: [
        "PlanTrackCore", "PlanTrackStore", "PlanTrackExtract", "PlanTrackExport",
        "PlanTrackUI", "PlanTrackTerminal",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Precision and recall of `plantrack extract` against the annotated seeds (scripts/extract-eval).
    .executableTarget(name: "extract-eval", dependencies: ["PlanTrackCore", "PlanTrackExtract"]),
    // A workspace of any size for benchmarks (scripts/gen-workspace).
    .executableTarget(name: "plantrack-gen", dependencies: ["PlanTrackCore", "PlanTrackStore"]),
    .testTarget(name: "PlanTrackCoreTests", dependencies: ["PlanTrackCore", "CNCursesW"]),
    // The PostgreSQL test server, as the store's and the end-to-end tests use it.
    .target(name: "PlanTrackTestServer", path: "Tests/PlanTrackTestServer"),
    .testTarget(
      name: "PlanTrackStoreTests", dependencies: ["PlanTrackStore", "PlanTrackTestServer"]),
    .testTarget(name: "PlanTrackUITests", dependencies: ["PlanTrackUI"]),
    .testTarget(
      name: "PlanTrackTerminalTests",
      dependencies: ["PlanTrackTerminal", "PlanTrackUI", "CNCursesW"]),
    .testTarget(
      name: "PlanTrackExportTests", dependencies: ["PlanTrackExport", "PlanTrackTestServer"]),
    .testTarget(
      name: "PlanTrackExtractTests", dependencies: ["PlanTrackExtract", "PlanTrackStore"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "PlanTrackFuzzTests",
      dependencies: ["PlanTrackCore", "PlanTrackStore", "PlanTrackExtract"],
      exclude: ["Corpus", "Regressions"]),
    .testTarget(
      name: "PlanTrackCLITests",
      dependencies: [
        "PlanTrackCore", "PlanTrackTestServer", .product(name: "GRDB", package: "GRDB.swift"),
      ]),
  ]
)
