import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

@testable import BenchmarkIngest

/// A file that interleaves its benchmarks (the whole suite once per repetition, as Go's benchstat
/// documentation recommends, or files of several CI jobs concatenated) loads to the same series as
/// the file with each benchmark's samples on consecutive lines: names are found again by their
/// bytes (`ByteNameTable`, `ResolvedSeriesTable`), and that must never merge two keys or split one.
@Suite("Interleaved files load like consecutive ones")
struct InterleavedOrderTests {
    /// (name, unit, run) → values, in file order; with each series' mode.
    private func contents(_ label: LabelData) -> [String: [Double]] {
        var result: [String: [Double]] = [:]
        for series in label.series {
            for run in series.runs {
                result["\(series.benchmark.name) | \(series.unit.baseUnit) | \(series.mode.rawValue) | \(run.id)"] =
                    run.values
            }
        }
        return result
    }

    private func names(_ label: LabelData) -> [String] {
        label.series.map { "\($0.benchmark.name) | \($0.unit.baseUnit)" }
    }

    /// Go text of two packages that share a benchmark name, lines with several units, a unit that
    /// only some lines carry, units in another order from one line to the next, and names that
    /// differ in one byte or only in length.
    private func goLines(repetitions: Int) -> [[String]] {
        var passes: [[String]] = []
        for repetition in 0..<repetitions {
            var lines = ["pkg: example.com/a"]
            lines.append("BenchmarkParse-8 10 \(100 + repetition) ns/op \(16 + repetition % 2) B/op")
            lines.append("BenchmarkParsf-8 10 \(200 + repetition) ns/op")
            lines.append("BenchmarkParse-16 10 \(300 + repetition) ns/op")
            lines.append("BenchmarkP-8 10 \(400 + repetition) ns/op" + (repetition % 2 == 0 ? " 3 allocs/op" : ""))
            lines.append("pkg: example.com/b")
            lines.append("BenchmarkParse-8 10 \(500 + repetition) ns/op \(32 + repetition) B/op")
            lines.append("BenchmarkP-8 10 \(600 + repetition) instructions/op")
            // Units in another order on every other line, and one more unit from the third line on.
            lines.append(
                repetition % 2 == 0
                    ? "BenchmarkQ-8 10 \(700 + repetition) ns/op \(8 + repetition) B/op"
                    : "BenchmarkQ-8 10 \(8 + repetition) B/op \(700 + repetition) ns/op"
                        + (repetition > 2 ? " 1 allocs/op" : ""))
            passes.append(lines)
        }
        return passes
    }

    @Test(arguments: [1, 2, 5, 6])
    func goTextInterleavedEqualsConsecutive(repetitions: Int) throws {
        let passes = goLines(repetitions: repetitions)
        // Interleaved: the passes one after the other. Consecutive: every result line of one
        // (package, name) together, in first-seen order, each package under its own `pkg:` line.
        let interleaved = passes.flatMap { $0 }.joined(separator: "\n") + "\n"
        var groups: [(key: String, lines: [String])] = []
        for pass in passes {
            var package = ""
            for line in pass {
                if line.hasPrefix("pkg: ") {
                    package = line
                    continue
                }
                let key = package + " " + (line.split(separator: " ").first.map(String.init) ?? "")
                if let index = groups.firstIndex(where: { $0.key == key }) {
                    groups[index].lines.append(line)
                } else {
                    groups.append((key, [line]))
                }
            }
        }
        let consecutive =
            groups.map { group in
                "pkg: \(group.key.split(separator: " ")[1])\n" + group.lines.joined(separator: "\n")
            }.joined(separator: "\n") + "\n"
        try withTemporaryDirectory { directory in
            let run = try directory.writeFile("i/run.txt", interleaved)
            let (fromInterleaved, _) = try loadSingle(run)
            let (fromConsecutive, _) = try loadSingle(try directory.writeFile("c/run.txt", consecutive))
            let values = contents(fromInterleaved)
            #expect(
                values == contents(fromConsecutive).mapKeys { $0.replacingOccurrences(of: "/c/run", with: "/i/run") })
            #expect(names(fromInterleaved) == names(fromConsecutive))
            // Written out, so that a table that merged or split keys cannot agree with itself.
            #expect(
                values["example.com/a.BenchmarkParse-8 | s | walltime | \(run)"]
                    == (0..<repetitions).map { Double(100 + $0) * 1e-9 })
            #expect(
                values["example.com/b.BenchmarkParse-8 | s | walltime | \(run)"]
                    == (0..<repetitions).map { Double(500 + $0) * 1e-9 })
            #expect(
                values["example.com/a.BenchmarkParsf-8 | s | walltime | \(run)"]
                    == (0..<repetitions).map { Double(200 + $0) * 1e-9 })
            #expect(
                values["example.com/a.BenchmarkParse-16 | s | walltime | \(run)"]
                    == (0..<repetitions).map { Double(300 + $0) * 1e-9 })
            #expect(
                values["example.com/a.BenchmarkP-8 | allocs | instrumentation | \(run)"]
                    == stride(from: 0, to: repetitions, by: 2).map { _ in 3.0 })
            #expect(
                values["example.com/b.BenchmarkP-8 | instructions | instrumentation | \(run)"]
                    == (0..<repetitions).map { Double(600 + $0) })
            #expect(
                values["example.com/b.BenchmarkParse-8 | B | instrumentation | \(run)"]
                    == (0..<repetitions).map { Double(32 + $0) })
        }
    }

    @Test(arguments: [1, 3])
    func canonicalJSONLinesInterleavedEqualsConsecutive(repetitions: Int) throws {
        // Keys that differ in name, unit, mode or run (explicit, numeric or absent) only.
        let keys: [(name: String, extra: String)] = [
            ("parse", #""unit": "ns""#),
            ("parse", #""unit": "instructions""#),
            ("parsf", #""unit": "ns""#),
            ("parse", #""unit": "ns", "run": "r2""#),
            ("parse", #""unit": "ns", "run": 2"#),
            ("lint", #""unit": "widgets", "mode": "instrumentation""#),
            ("lint", #""unit": "ns", "mode": "walltime", "run": "r2""#),
            ("caf\u{E9}", #""unit": "ns""#),
        ]
        func line(_ key: Int, _ repetition: Int) -> String {
            #"{"benchmark": "\#(keys[key].name)", \#(keys[key].extra), "value": \#(1000 * (key + 1) + repetition)}"#
        }
        let interleaved = (0..<repetitions).flatMap { r in keys.indices.map { line($0, r) } }
        let consecutive = keys.indices.flatMap { k in (0..<repetitions).map { line(k, $0) } }
        try withTemporaryDirectory { directory in
            let file = try directory.writeFile("i/run.jsonl", interleaved.joined(separator: "\n") + "\n")
            let (fromInterleaved, _) = try loadSingle(file)
            let (fromConsecutive, _) = try loadSingle(
                try directory.writeFile("c/run.jsonl", consecutive.joined(separator: "\n") + "\n"))
            let expectedFromInterleaved = contents(fromInterleaved)
            #expect(
                expectedFromInterleaved
                    == contents(fromConsecutive).mapKeys { $0.replacingOccurrences(of: "/c/run", with: "/i/run") })
            #expect(names(fromInterleaved) == names(fromConsecutive))
            let series = (0..<repetitions).map { Double($0) }
            #expect(expectedFromInterleaved["parse | s | walltime | \(file)"] == series.map { (1000 + $0) * 1e-9 })
            #expect(expectedFromInterleaved["parse | s | walltime | r2"] == series.map { (4000 + $0) * 1e-9 })
            #expect(expectedFromInterleaved["parse | s | walltime | 2"] == series.map { (5000 + $0) * 1e-9 })
            #expect(expectedFromInterleaved["lint | widgets | instrumentation | \(file)"] == series.map { 6000 + $0 })
            #expect(expectedFromInterleaved.count == keys.count)
        }
    }

    /// Long interleaved stretches (the loader then keeps the copies its shortcuts need only every
    /// 16th line), consecutive stretches after them (the shortcuts resume from an older copy), names
    /// with escapes (no shortcut) and a line of a new key in between: every sample lands in its series,
    /// in file order.
    @Test func stretchesOfBothOrdersInOneFileLoadEverySampleWhereItBelongs() throws {
        let keys = (0..<30).map { "bench\($0 % 10)/\($0 < 20 ? "x" : "y")" }
        var lines: [String] = []
        var expected: [String: [Double]] = [:]
        var counter = 0.0
        func add(_ name: String, escaped: Bool = false) {
            counter += 1
            let written = escaped ? name.replacingOccurrences(of: "/", with: "\\/") : name
            lines.append(#"{"benchmark": "\#(written)", "unit": "ns", "value": \#(counter)}"#)
            expected[name, default: []].append(counter * 1e-9)
        }
        for _ in 0..<4 { for key in keys { add(key) } }  // interleaved
        for key in keys.prefix(7) { for _ in 0..<5 { add(key) } }  // consecutive
        add("fresh/one")
        for (index, key) in keys.enumerated() { add(key, escaped: index % 7 == 0) }  // interleaved, some escaped
        for _ in 0..<3 { add(keys[3]) }
        for _ in 0..<2 { for key in keys.reversed() { add(key) } }  // interleaved, another order
        try withTemporaryDirectory { directory in
            let file = try directory.writeFile("mixed/run.jsonl", lines.joined(separator: "\n") + "\n")
            let (label, _) = try loadSingle(file)
            var loaded: [String: [Double]] = [:]
            for series in label.series { loaded[series.benchmark.name] = series.allValues }
            #expect(loaded == expected)
            #expect(label.series.allSatisfy { $0.runs.count == 1 })
        }
    }

    /// Two files whose paths are equal as Swift strings but not as bytes (an é precomposed in one,
    /// e + U+0301 in the other) are two files, so two runs: their samples are not pooled into one.
    @Test func pathsEqualAsTextButNotAsBytesAreTwoRuns() throws {
        try withTemporaryDirectory { directory in
            let names = ["label/caf\u{E9}.jsonl", "label/cafe\u{301}.jsonl"]
            #expect(names[0] == names[1])
            var paths: [String] = []
            for (file, name) in names.enumerated() {
                let lines = (0..<2).map { #"{"benchmark": "a", "unit": "ns", "value": \#(100 * (file + 1) + $0)}"# }
                paths.append(try directory.writeFile(name, lines.joined(separator: "\n") + "\n"))
            }
            let dataset = try DatasetLoader.loadLabel(named: "label", inputs: paths)
            let series = try #require(dataset.labels.first?.series.first)
            #expect(series.runs.count == 2)
            #expect(series.runs.map(\.values) == [[100.0, 101], [200, 201]].map { $0.map { $0 * 1e-9 } })
            #expect(series.runs.map { Array($0.source.file.utf8) } == paths.map { Array($0.utf8) })
        }
    }

    /// A label of one file per run (`--runs`, CI jobs): the lines of a later file are found in the
    /// table of the earlier ones, and must still land in that file's run (a line without a `run`
    /// field) or in the run its field names. 3 files stay in the short list of a series' run keys,
    /// 20 go past it into its dictionary; the files are read in name order, and run "x" comes back in
    /// every third file. A series reserves room for as many runs as the label has files (at most 64:
    /// 70 files grow past it); "c", in the first two files only, keeps its two runs.
    @Test(arguments: [3, 20, 70])
    func runFilesOfOneLabelKeepTheirRuns(files: Int) throws {
        try withTemporaryDirectory { directory in
            var paths: [String] = []
            for file in 0..<files {
                var lines: [String] = []
                for sample in 0..<2 {
                    let value = 1000 * file + sample
                    lines.append(#"{"benchmark": "a", "unit": "ns", "value": \#(value + 1)}"#)
                    lines.append(#"{"benchmark": "b", "unit": "ns", "value": \#(value + 500)}"#)
                    if file % 3 == 0 {
                        lines.append(#"{"benchmark": "a", "unit": "ns", "run": "x", "value": \#(value + 900)}"#)
                    }
                    if file < 2 {
                        lines.append(#"{"benchmark": "c", "unit": "ns", "value": \#(value + 700)}"#)
                    }
                }
                let name = String(format: "label/run%03d.jsonl", file)
                paths.append(try directory.writeFile(name, lines.joined(separator: "\n") + "\n"))
            }
            let dataset = try DatasetLoader.loadLabel(named: "label", inputs: paths)
            let label = try #require(dataset.labels.first)
            let values = contents(label)
            for (file, path) in paths.enumerated() {
                let base = Double(1000 * file)
                #expect(values["a | s | walltime | \(path)"] == [base + 1, base + 2].map { $0 * 1e-9 })
                #expect(values["b | s | walltime | \(path)"] == [base + 500, base + 501].map { $0 * 1e-9 })
            }
            var x: [Double] = []
            for file in stride(from: 0, to: files, by: 3) {
                let base = Double(1000 * file)
                x += [(base + 900) * 1e-9, (base + 901) * 1e-9]
            }
            #expect(values["a | s | walltime | x"] == x)
            for (file, path) in paths.prefix(2).enumerated() {
                let base = Double(1000 * file)
                #expect(values["c | s | walltime | \(path)"] == [base + 700, base + 701].map { $0 * 1e-9 })
            }
            #expect(label.series.map(\.benchmark.name) == ["a", "b", "c"])
            #expect(label.series.map(\.runs.count) == [files + 1, files, 2])
            #expect(label.series[2].runs.map(\.id) == Array(paths.prefix(2)))
            #expect(label.series[0].runs.map(\.id) == [paths[0], "x"] + paths.dropFirst())
        }
    }

    @Test func byteNameTableKeepsEveryKeyApartThroughGrowth() {
        var table = ByteNameTable<Int>()
        var keys: [[UInt8]] = []
        // Prefixes of one another, equal bytes under two tags, empty, and enough to grow many times.
        for index in 0..<5000 {
            keys.append(Array("name-\(index)".utf8))
        }
        keys.append([])
        keys.append(Array("name-1".utf8) + [0])
        for (position, key) in keys.enumerated() {
            key.withUnsafeBytes { bytes in
                #expect(table.find(bytes, 0, bytes.count, tag: 0) == nil)
                table.insert(bytes, 0, bytes.count, tag: 0, value: position)
                #expect(table.find(bytes, 0, bytes.count, tag: 1) == nil)
            }
        }
        for (position, key) in keys.enumerated() {
            key.withUnsafeBytes { bytes in
                let found = table.find(bytes, 0, bytes.count, tag: 0)
                #expect(found.map { table[$0] } == position)
            }
        }
        #expect(table.count == keys.count)
    }

    /// The label's index of names finds every name at its position through many doublings, and a
    /// probe whose hash matches still asks for the name: with every hash made equal (all names in
    /// one chain) each name is found at its own position, never at another's.
    @Test(arguments: [false, true])
    func nameIndexKeepsEveryNameApartThroughGrowth(oneHashForAll: Bool) {
        var index = NameIndex()
        // Names that are prefixes of one another, an empty one, a non-ASCII one (NFC).
        let names = (0..<(oneHashForAll ? 300 : 5000)).map { "name-\($0)" } + ["", "name-1\u{0}", "café"]
        func hash(_ name: String) -> UInt64 { oneHashForAll ? 42 : NameIndex.hash(name) }
        for (position, name) in names.enumerated() {
            #expect(index.find(hash: hash(name), isName: { names[$0] == name }) == nil)
            index.insert(hash: hash(name), position: position)
        }
        for (position, name) in names.enumerated() {
            #expect(index.find(hash: hash(name), isName: { names[$0] == name }) == position)
        }
        #expect(index.find(hash: hash("name-"), isName: { names[$0] == "name-" }) == nil)
        #expect(index.count == names.count)
    }
}

extension Dictionary where Key == String {
    fileprivate func mapKeys(_ transform: (String) -> String) -> [String: Value] {
        var result: [String: Value] = [:]
        for (key, value) in self { result[transform(key)] = value }
        return result
    }
}
