// swift-tools-version: 6.1
// Micro-benchmarks for mailzone (`make bench-micro`). A package of its own, so that building and
// testing the main package never builds the benchmark framework.
import PackageDescription

let package = Package(
  name: "MailZoneMicroBenchmarks",
  platforms: [.macOS(.v14)],
  dependencies: [
    .package(name: "mailzone", path: "../.."),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "MailZoneMicro",
      dependencies: [
        .product(name: "MailZone", package: "mailzone"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/MailZoneMicro",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
  ],
  swiftLanguageModes: [.v6]
)
