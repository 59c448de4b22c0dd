import BenchstatTestSupport
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The HTML report end to end: golden files, its structure read back with an XML parser, and a real
/// browser (headless Chromium) rendering it to a PNG through `scripts/html-screenshot.sh`.
@Suite struct HTMLReportTests {
    /// A real A/B with regressions (`go test` output) and the synthetic mixed set (exact counts,
    /// missing and added benchmarks, a hostile name).
    static let datasets: [GoldenReportTests.Case] = GoldenReportTests.datasets.filter {
        ["go-peer", "mixed"].contains($0.name)
    }

    @Test(arguments: datasets)
    func matchesGolden(dataset: GoldenReportTests.Case) throws {
        let run = try Binary.run(["analyze", "--format", "html"] + dataset.arguments)
        #expect(run.exitCode == 0 || run.exitCode == 1, "\(run.standardError)")
        // Warnings (and only warnings) on standard error.
        #expect(
            run.standardError.split(separator: "\n").allSatisfy { $0.contains(": warning: ") }, "\(run.standardError)")
        try GoldenReportTests.compare(run.standardOutput, toGolden: "\(dataset.name).html")
    }

    /// The page is well-formed XML; it has one plot per changed or undecided benchmark, one table row
    /// per comparison, no scripts and no external references; names come back exactly.
    @Test(arguments: datasets)
    func structure(dataset: GoldenReportTests.Case) throws {
        let html = try Binary.run(["analyze", "--format", "html"] + dataset.arguments)
        let json = try Binary.run(["analyze", "--format", "json"] + dataset.arguments)
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let comparisons = try #require(root["comparisons"] as? [[String: Any]])
        let attention = comparisons.filter {
            ["regression", "improvement", "inconclusive"].contains($0["verdict"] as? String ?? "")
        }
        // XMLDocument recovers from errors silently; XMLParser does not.
        let parser = XMLParser(data: Data(html.standardOutput.utf8))
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        let document = try XMLDocument(data: Data(html.standardOutput.utf8))
        #expect(try document.nodes(forXPath: "//script").isEmpty)
        #expect(try document.nodes(forXPath: "//link").isEmpty)
        #expect(try document.nodes(forXPath: "//*[@src]").isEmpty)
        for node in try document.nodes(forXPath: "//@href") {
            #expect(node.stringValue?.hasPrefix("#") == true, "external reference \(node.stringValue ?? "")")
        }
        let plots = try document.nodes(forXPath: "//article/svg")
        #expect(plots.count == attention.count)
        let articleNames = try document.nodes(forXPath: "//article/h3/code").compactMap(\.stringValue)
        #expect(Set(articleNames) == Set(attention.compactMap { $0["benchmark"] as? String }))
        let rows = try document.nodes(forXPath: "//tbody/tr")
        #expect(rows.count == comparisons.count)
        let rowNames = try document.nodes(forXPath: "//tbody/tr/td[1]").compactMap(\.stringValue)
        #expect(rowNames == comparisons.compactMap { $0["benchmark"] as? String })
        // Every plotted sample is a dot: base + head sample counts of the plotted benchmarks.
        let samples = attention.reduce(0) { total, comparison in
            let base = (comparison["baseSide"] as? [String: Any])?["n"] as? Int ?? 0
            let head = (comparison["headSide"] as? [String: Any])?["n"] as? Int ?? 0
            return total + base + head
        }
        #expect(try document.nodes(forXPath: "//article/svg//circle").count == samples)
        let title = try document.nodes(forXPath: "/html/head/title").first?.stringValue ?? ""
        #expect(title.hasPrefix("benchstat: "))
    }

    /// `--output` onto an existing report replaces it (it used to delete it and fail on Linux).
    @Test func outputReplacesAnExistingReport() throws {
        let directory = try TemporaryDirectory()
        let report = directory.url.appendingPathComponent("report.html")
        try Data("old".utf8).write(to: report)
        for _ in 0..<2 {
            let run = try Binary.run(
                ["analyze", "--format", "html", "--output", report.path, "Tests/BenchstatCLITests/Fixtures/mixed"])
            #expect(run.exitCode == 1, "\(run.standardError)")
            #expect(run.standardError.isEmpty, "\(run.standardError)")
        }
        let text = try String(contentsOf: report, encoding: .utf8)
        #expect(text.hasPrefix("<!DOCTYPE html>"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
        #expect(leftovers == ["report.html"])
    }

    /// Whether a Chromium binary is on the PATH (Debian's `chromium` package).
    static let browserAvailable: Bool = ["chromium", "chromium-browser", "google-chrome"].contains { name in
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
        }
    }

    @Test(
        .enabled(
            if: browserAvailable,
            "Chromium is not installed: the browser test is skipped (apt-get install -y chromium runs it)"),
        .timeLimit(.minutes(3))
    )
    func rendersInHeadlessChromium() throws {
        let directory = try TemporaryDirectory()
        let png = directory.url.appendingPathComponent("mixed.png")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [
            Binary.repository.appendingPathComponent("scripts/html-screenshot.sh").path,
            Binary.productsDirectory.appendingPathComponent("benchstat").path,
            "Tests/BenchstatCLITests/Fixtures/mixed", png.path, "900,1300",
        ]
        process.currentDirectoryURL = Binary.repository
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
        let data = try Data(contentsOf: png)
        // PNG signature, then the IHDR chunk: width and height as big-endian 32-bit integers.
        #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let bytes = [UInt8](data.prefix(24))
        try #require(bytes.count == 24)
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 900 && height == 1300)
        // A blank page compresses to a few kilobytes; text, tables and plots do not.
        #expect(data.count > 30_000, "the screenshot looks blank (\(data.count) bytes)")
        #expect(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("mixed.html").path))
    }
}
