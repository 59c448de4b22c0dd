import BenchstatTestSupport
import Foundation
import Testing

/// The same input gives the same bytes (issue 7): across runs, and whatever order the files were
/// written to disk in (directory listings are sorted; dictionaries never decide an order).
@Suite struct DeterminismTests {
    static let peers = "Tests/BenchmarkIngestTests/Fixtures/peers"

    /// Every format the binary offers (html once it exists).
    static var formats: [String] {
        let help = (try? Binary.run(["analyze", "--help"]).standardOutput) ?? ""
        return ["text", "markdown", "json", "csv", "junit", "github", "html"].filter { help.contains($0) }
    }

    /// The datasets: label directories in each input format, plus history and the other test.
    static let datasets: [(source: String, extra: [String])] = [
        ("Data/aa-walltime", []),
        ("Data/injected-instrumentation", ["--history", "Data/history-instrumentation"]),
        ("Data/injected-walltime", ["--test", "mann-whitney", "--correction", "holm"]),
        ("\(peers)/go", []), ("\(peers)/gbench", []), ("\(peers)/hyperfine", []), ("\(peers)/pyperf", []),
        ("\(peers)/catch2", []), ("\(peers)/bencher/libtest", []), ("\(peers)/criterion", []),
    ]

    /// The files below `directory`, relative to it, sorted; hidden files and `source/` left out.
    static func files(_ directory: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        var found: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(
                atPath: directory.appendingPathComponent(relative).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue, !relative.hasPrefix("source/"), !relative.contains("/.") {
                found.append(relative)
            }
        }
        return found.sorted()
    }

    /// Copies `source` to `target` writing the files in `order`, renamed by `rename`.
    static func copy(
        _ source: URL, to target: URL, order: [String], rename: (String) -> String = { $0 }
    ) throws {
        for relative in order {
            let destination = target.appendingPathComponent(rename(relative))
            try FileManager.default.createDirectory(
                at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source.appendingPathComponent(relative), to: destination)
        }
    }

    /// Every format for the first dataset; JSON and text (which hold every number and every order)
    /// for the others, to keep the suite fast.
    static func formats(for source: String) -> [String] {
        source == datasets[0].source ? formats : ["json", "text"]
    }

    static func outputs(_ path: String, extra: [String], formats: [String]) throws -> [String: String] {
        var result: [String: String] = [:]
        for format in formats {
            let run = try Binary.run(["analyze", path, "--format", format] + extra)
            #expect(run.exitCode == 0 || run.exitCode == 1, "\(path) \(format): \(run.standardError)")
            result[format] = run.standardOutput + run.standardError
        }
        return result
    }

    @Test func twoRunsGiveIdenticalBytes() throws {
        for (source, extra) in Self.datasets.prefix(3) {
            let formats = Self.formats(for: source)
            let first = try Self.outputs(source, extra: extra, formats: formats)
            let second = try Self.outputs(source, extra: extra, formats: formats)
            for format in formats {
                #expect(first[format] == second[format], "\(source) --format \(format) differs between runs")
            }
        }
    }

    /// Copies written forwards and backwards to the same path give the same bytes in every format.
    @Test(arguments: Self.datasets.map(\.source))
    func shuffledCopiesGiveIdenticalBytes(source: String) throws {
        let extra = Self.datasets.first { $0.source == source }?.extra ?? []
        let sourceURL = Binary.repository.appendingPathComponent(source)
        let order = Self.files(sourceURL)
        #expect(!order.isEmpty)
        let dir = try TemporaryDirectory()
        let target = dir.url.appendingPathComponent("runs")
        try Self.copy(sourceURL, to: target, order: order)
        let formats = Self.formats(for: source)
        let forwards = try Self.outputs(target.path, extra: extra, formats: formats)
        try FileManager.default.removeItem(at: target)
        // Reversed, and interleaved from both ends, so that creation order differs from name order.
        var shuffled: [String] = []
        var reversed = Array(order.reversed())
        while !reversed.isEmpty {
            shuffled.append(reversed.removeFirst())
            if !reversed.isEmpty { shuffled.append(reversed.removeLast()) }
        }
        try Self.copy(sourceURL, to: target, order: shuffled)
        let backwards = try Self.outputs(target.path, extra: extra, formats: formats)
        for format in formats {
            #expect(forwards[format] == backwards[format], "\(source) --format \(format) depends on disk order")
        }
    }

    /// Run files renamed in another order: runs are then read in another order, so sums may differ in
    /// the last bit, but every verdict, reason and count is the same, and every number agrees to 1e-9.
    @Test func renamedRunsGiveTheSameVerdicts() throws {
        let sourceURL = Binary.repository.appendingPathComponent("Data/aa-walltime")
        let order = Self.files(sourceURL).filter { $0.hasSuffix(".jsonl") }
        let dir = try TemporaryDirectory()
        let plain = dir.url.appendingPathComponent("plain")
        let renamed = dir.url.appendingPathComponent("renamed")
        try Self.copy(sourceURL, to: plain, order: order)
        // run1 → run5, run2 → run4, …: the runs are read in the opposite order.
        let renaming = ["run1": "run5", "run2": "run4", "run3": "run3", "run4": "run2", "run5": "run1"]
        try Self.copy(sourceURL, to: renamed, order: order) { relative in
            let name = (relative as NSString).lastPathComponent
            let stem = (name as NSString).deletingPathExtension
            let directory = (relative as NSString).deletingLastPathComponent
            return directory + "/" + (renaming[stem] ?? stem) + ".jsonl"
        }
        let a = try Binary.run(["analyze", plain.path, "--format", "json"])
        let b = try Binary.run(["analyze", renamed.path, "--format", "json"])
        #expect(a.exitCode == b.exitCode)
        let first = try JSONSerialization.jsonObject(with: Data(a.standardOutput.utf8))
        let second = try JSONSerialization.jsonObject(with: Data(b.standardOutput.utf8))
        Self.expectClose(first, second, path: "$")
    }

    static func expectClose(_ a: Any, _ b: Any, path: String) {
        switch (a, b) {
        case (let x as [String: Any], let y as [String: Any]):
            #expect(Set(x.keys) == Set(y.keys), "\(path)")
            for (key, value) in x { if let other = y[key] { expectClose(value, other, path: "\(path).\(key)") } }
        case (let x as [Any], let y as [Any]):
            #expect(x.count == y.count, "\(path)")
            for (index, pair) in zip(x, y).enumerated() { expectClose(pair.0, pair.1, path: "\(path)[\(index)]") }
        case (let x as String, let y as String):
            #expect(x == y, "\(path)")
        case (let x as NSNumber, let y as NSNumber):
            let (u, v) = (x.doubleValue, y.doubleValue)
            #expect(abs(u - v) <= 1e-9 * max(abs(u), abs(v)), "\(path): \(u) vs \(v)")
        default:
            #expect(String(describing: a) == String(describing: b), "\(path)")
        }
    }
}
