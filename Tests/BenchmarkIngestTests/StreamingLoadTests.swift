import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

@testable import BenchmarkIngest

/// Everything a load produced, in a comparable form: labels with their series (values, runs,
/// sources, parameters), file metadata and warnings — or the error.
private struct LoadOutcome: Equatable, CustomStringConvertible {
    var labels: [String] = []
    var series: [[BenchmarkSeries]] = []
    var parameters: [[[KeyValue]]] = []
    var files: [[FileMetadata]] = []
    var warnings: [InputWarning] = []
    var error: InputError?

    init(_ load: () throws(InputError) -> Dataset) {
        do throws(InputError) {
            let dataset = try load()
            labels = dataset.labels.map(\.label)
            series = dataset.labels.map(\.series)
            parameters = dataset.labels.map { $0.series.map(\.benchmark.parameters) }
            files = dataset.labels.map(\.files)
            warnings = dataset.warnings
        } catch {
            self.error = error
        }
    }

    var description: String {
        if let error { return "error: \(error)" }
        return "labels \(labels), \(series.map(\.count)) series, warnings \(warnings)"
    }
}

/// Loads `paths` with every chunk size in `chunkSizes`, sequentially and concurrently, and checks
/// that every outcome equals the default one; returns it.
private func loadEveryWay(_ paths: [String], chunkSizes: [Int] = [1, 2, 3, 5, 16, 61, 4096]) -> LoadOutcome {
    let reference = LoadOutcome { () throws(InputError) in
        try DatasetLoader.load(
            paths: paths, options: LoadOptions(), chunkSize: LineReader.defaultChunkSize, concurrently: false)
    }
    for chunkSize in chunkSizes {
        for concurrently in [false, true] {
            let outcome = LoadOutcome { () throws(InputError) in
                try DatasetLoader.load(
                    paths: paths, options: LoadOptions(), chunkSize: chunkSize, concurrently: concurrently)
            }
            #expect(outcome == reference, "chunk \(chunkSize), concurrently \(concurrently): \(outcome)")
        }
    }
    let published = LoadOutcome { () throws(InputError) in try DatasetLoader.load(paths: paths) }
    #expect(published == reference)
    return reference
}

@Suite("Streaming line loaders")
struct StreamingLoadTests {
    // MARK: LineReader

    /// The lines of `bytes` as the whole-file loaders split them.
    private func referenceLines(_ bytes: [UInt8]) -> (lines: [[UInt8]], terminated: Bool) {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lines: [[UInt8]] = []
        while start < bytes.count {
            let stop = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            lines.append(Array(bytes[start..<stop]))
            start = stop + 1
        }
        return (lines, bytes.count <= (bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0) || bytes.last == 0x0A)
    }

    @Test(arguments: [
        "", "\n", "a", "a\n", "a\nb", "\n\n\nx\n", "one\r\ntwo\r\n", "\u{FEFF}", "\u{FEFF}x\ny",
        "\u{FEFF}\n", "\u{EF}", "no BOM \u{FEFF} inside\n", String(repeating: "long line ", count: 50) + "\nshort",
    ])
    func lineReaderSplitsLikeTheWholeFileLoaders(_ text: String) throws {
        let bytes = Array(text.utf8)
        let expected = referenceLines(bytes)
        try withTemporaryDirectory { directory in
            let path = try directory.writeFile("lines.txt", Data(bytes))
            for chunkSize in [1, 2, 3, 4, 7, 64, 1 << 16] {
                let reader = try #require(LineReader(path: path, chunkSize: chunkSize))
                var lines: [[UInt8]] = []
                while let (start, end) = try reader.nextLine() {
                    lines.append(Array(reader.bytes[start..<end]))
                }
                #expect(lines == expected.lines, "chunk \(chunkSize)")
                #expect(reader.lastLineTerminated == expected.terminated, "chunk \(chunkSize)")
                #expect(try reader.nextLine() == nil)
            }
        }
    }

    /// The in-memory reader (the fuzz targets' way in) gives the lines a file gives.
    @Test(arguments: ["", "a", "a\nb\n", "\u{FEFF}x\r\ny", String(repeating: "0123456789", count: 30) + "\nz"])
    func lineReaderOverMemorySplitsLikeOverAFile(_ text: String) throws {
        let bytes = Array(text.utf8)
        let expected = referenceLines(bytes)
        for chunkSize in [1, 2, 5, 64, 1 << 16] {
            let reader = LineReader(path: "memory", contents: bytes, chunkSize: chunkSize)
            var lines: [[UInt8]] = []
            while let (start, end) = try reader.nextLine() { lines.append(Array(reader.bytes[start..<end])) }
            #expect(lines == expected.lines, "chunk \(chunkSize)")
            #expect(reader.lastLineTerminated == expected.terminated, "chunk \(chunkSize)")
        }
    }

    @Test func lineReaderGrowsForALineLongerThanItsBuffer() throws {
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 100_000)
        try withTemporaryDirectory { directory in
            let path = try directory.writeFile("long.txt", Data([UInt8]("a\n".utf8) + long + [UInt8]("\nb".utf8)))
            let reader = try #require(LineReader(path: path, chunkSize: 10))
            var lengths: [Int] = []
            while let (start, end) = try reader.nextLine() { lengths.append(end - start) }
            #expect(lengths == [1, 100_000, 1])
            #expect(!reader.lastLineTerminated)
        }
    }

    // MARK: Same datasets whatever the chunk size and concurrency

    @Test func goTextIsTheSameWhateverTheChunkSize() throws {
        let text =
            "\u{FEFF}goos: linux\r\ncpu: Some CPU @ 2.20GHz\nBenchmarkBare\nUnit ns/op assume=exact\n"
            + "BenchmarkEncode/format=json/size=1K-8 \t 1000\t 1234 ns/op\t 56 B/op\t 2 allocs/op\t 830.5 MB/s\r\n"
            + "BenchmarkEncode/format=json/size=1K-8 \t 1000\t 1240 ns/op\t 56 B/op\t 2 allocs/op\t 826.1 MB/s\n"
            + "PASS\nok  \tpkg\t1.2s\n\nnote: between\n"
            + "BenchmarkEncode/format=json/size=1K-8 \t 1000\t 1250 ns/op\t 56 B/op\t 2 allocs/op\t 819 MB/s\n"
            + "BenchmarkDecode/100-8 10 5.5e3 ns/op 7 widgets/op\n"
            + "BenchmarkDecode/100-8 10 5.6e3 ns/op 8 widgets/op\n"
            + "BenchmarkDecode/100-8 10 5.7e3 ns/op\n"
            + "BenchmarkÜber/k=v-2 1 3 ns/op\n"
            + "BenchmarkEncode/format=json/size=1K-8 \t 1000\t 1260 ns/op\t 56 B/op\t 2 allocs/op"
        try withTemporaryDirectory { directory in
            let base = try directory.writeFile("runs/base.txt", text)
            let head = try directory.writeFile(
                "runs/head.txt", text.replacingOccurrences(of: "widgets", with: "gadgets"))
            let outcome = loadEveryWay([base, head])
            #expect(outcome.error == nil, "\(outcome)")
            #expect(outcome.series.first?.count == 7)
            // Unknown units are warned once each; the unterminated last line is warned in each file.
            let messages = outcome.warnings.map(\.description)
            #expect(messages.filter { $0.contains("\"widgets/op\" is not a known unit") }.count == 1)
            #expect(messages.filter { $0.contains("\"gadgets/op\" is not a known unit") }.count == 1)
            #expect(messages.filter { $0.contains("no final newline") }.count == 2)
            #expect(messages.contains { $0.hasPrefix("\(base):16: the file ends inside this result line") })
            let encode = try #require(outcome.series.first?.first)
            #expect(encode.allValues.count == 4)
            #expect(
                outcome.parameters.first?.first
                    == [KeyValue("format", "json"), KeyValue("size", "1K"), KeyValue("gomaxprocs", "8")])
            #expect(outcome.files.first?.first?.entries.map(\.key) == ["goos", "cpu", "note"])
        }
    }

    @Test func jsonLinesAreTheSameWhateverTheChunkSize() throws {
        let lines = [
            #"{"benchmark": "a", "unit": "ns", "value": 10, "run": "r1"}"#,
            #"{"benchmark": "a", "unit": "ns", "value": 11, "run": "r1"}"#,
            "",
            #"  {"benchmark": "a", "unit": "ns", "value": 12, "run": "r2"}  "#,
            #"{"benchmark": "a", "unit": "ns", "value": 13}"#,
            #"{"benchmark": "a", "unit": "ns", "value": 14, "run": ""}"#,
            #"{"benchmark": "a", "unit": "ns", "value": 15}"#,
            #"{"benchmark": "b\u00e9", "unit": "µs", "value": 1.5e1, "mode": "walltime", "extra": [1, {"x": 2}]}"#,
            #"{"value": 7, "unit": "instructions", "benchmark": "c", "iteration": 0}"#,
            #"{"value": 8, "unit": "instructions", "benchmark": "c", "iteration": 1}"#,
            #"{"benchmark": "d", "unit": "widgets", "value": 0, "run": 3}"#,
        ]
        try withTemporaryDirectory { directory in
            let base = try directory.writeFile("runs/base.jsonl", "\u{FEFF}" + lines.joined(separator: "\r\n") + "\n")
            let head = try directory.writeFile("runs/head.jsonl", lines.joined(separator: "\n"))
            let outcome = loadEveryWay([base, head])
            #expect(outcome.error == nil, "\(outcome)")
            let a = try #require(outcome.series.first?.first)
            // r1, r2, the file, "" (an explicit empty run, apart from the file's run).
            #expect(a.runs.map(\.values.count) == [2, 1, 2, 1])
            #expect(a.runs.map(\.id) == ["r1", "r2", base, ""])
            #expect(outcome.warnings.count == 1)
        }
    }

    /// Lines that repeat the previous line but for the value (or the iteration) take the loader's
    /// fast paths; the same lines with an escaped name take the general JSON parser. Both give
    /// the same series.
    @Test func jsonLinesFastPathsAgreeWithTheGeneralParser() throws {
        var generator = SystemRandomNumberGenerator()
        var plain: [String] = []
        var escaped: [String] = []
        let values = ["10", "11", "1e3", "0.5", "12.25", "7", "7", "1.0E-2", "3"]
        let runs = [nil, "\"r1\"", "\"r2\"", "\"\"", "4"]
        var iteration = 0
        for _ in 0..<400 {
            let name = ["alpha", "beta"].randomElement(using: &generator) ?? "alpha"
            let unit = ["ns", "instructions"].randomElement(using: &generator) ?? "ns"
            let value = values.randomElement(using: &generator) ?? "1"
            let run = Int.random(in: 0..<10, using: &generator) < 7 ? nil : runs.randomElement(using: &generator) ?? nil
            if Int.random(in: 0..<4, using: &generator) == 0 { iteration += 1 }
            let withIteration = name == "beta"
            func line(_ benchmark: String) -> String {
                var text = "{\"benchmark\": \"\(benchmark)\", \"unit\": \"\(unit)\", \"value\": \(value)"
                if let run { text += ", \"run\": \(run)" }
                if withIteration { text += ", \"iteration\": \(iteration)" }
                return text + "}"
            }
            plain.append(line(name))
            escaped.append(line("\\u00" + String(name.utf8.first ?? 0x61, radix: 16) + name.dropFirst()))
        }
        try withTemporaryDirectory { directory in
            let plainPath = try directory.writeFile("plain/x.jsonl", plain.joined(separator: "\n"))
            let escapedPath = try directory.writeFile("escaped/x.jsonl", escaped.joined(separator: "\n"))
            func shape(_ path: String) throws -> [String] {
                let (label, _) = try loadSingle(path)
                return label.series.map { series in
                    "\(series.benchmark.name) \(series.unit.baseUnit): "
                        + series.runs.map {
                            "\($0.id == path ? "file" : $0.id) \($0.values) \($0.iterations.map { "\($0)" } ?? "-")"
                        }.joined(separator: "; ")
                }
            }
            let fast = try shape(plainPath)
            #expect(fast == (try shape(escapedPath)))
            #expect(fast.count == 4)
        }
    }

    @Test func csvIsTheSameWhateverTheChunkSize() throws {
        let text =
            "\u{FEFF}benchmark,mode,unit,value,run\r\n\"a,b\",walltime,ns,10,r1\r\n\n"
            + "\"a,b\",,ns,11,r1\nc,instrumentation,instructions,100,\nc,,instructions,101,r2"
        try withTemporaryDirectory { directory in
            let base = try directory.writeFile("runs/base.csv", text)
            let outcome = loadEveryWay([base])
            #expect(outcome.error == nil, "\(outcome)")
            #expect(outcome.series.first?.map(\.benchmark.name) == ["a,b", "c"])
        }
    }

    // MARK: Errors after chunk boundaries

    @Test(arguments: [
        ("bad.txt", "BenchmarkA 1 10 ns/op\nBenchmarkA 1 11 ns/op\n\nBenchmarkA 1 x ns/op\n", 4, "parsing measurement"),
        ("bad.txt", "BenchmarkA 1 10 ns/op\r\nBenchmarkA 1 -1 ns/op\r\n", 2, "value must be > 0"),
        ("bad.txt", "goos: linux\n\n\nBenchmarkA 1 10 ns/op 3\n", 4, "missing units"),
        (
            "bad.jsonl",
            "{\"benchmark\": \"a\", \"unit\": \"ns\", \"value\": 1}\n\n{\"benchmark\": \"a\", \"unit\": \"ns\"}\n", 3,
            "missing field \"value\""
        ),
        (
            "bad.jsonl",
            "{\"benchmark\": \"a\", \"unit\": \"ns\", \"value\": 1}\n{\"benchmark\": \"a\", \"unit\": \"ns\", \"value\": 1, \"iteration\": 2}\n",
            2,
            "field \"iteration\" given here"
        ),
        ("bad.csv", "benchmark,unit,value\na,ns,1\n\na,ns,\n", 4, "expected a value, found an empty cell"),
    ])
    func errorsNameTheLineWhateverTheChunkSize(_ file: String, _ content: String, _ line: Int, _ fragment: String)
        throws
    {
        try withTemporaryDirectory { directory in
            let path = try directory.writeFile(file, content)
            let outcome = loadEveryWay([path])
            let error = try #require(outcome.error)
            #expect(error.location.file == path)
            #expect(error.location.line == line, "\(error)")
            #expect(error.message.contains(fragment), "\(error)")
        }
    }

    @Test func noFinalNewlineWarningOnlyWhenTheLastLineIsAResult() throws {
        try withTemporaryDirectory { directory in
            let cut = try directory.writeFile("cut.txt", "BenchmarkA 1 10 ns/op\nBenchmarkA 1 11 ns/op")
            let cutOutcome = loadEveryWay([cut])
            #expect(
                cutOutcome.warnings.map(\.description) == [
                    "\(cut):2: the file ends inside this result line (no final newline): was it cut short? Its "
                        + "measurements may be incomplete"
                ])
            let ok = try directory.writeFile("ok.txt", "BenchmarkA 1 10 ns/op\nPASS")
            #expect(loadEveryWay([ok]).warnings.isEmpty)
            let bare = try directory.writeFile("bare.txt", "BenchmarkA 1 10 ns/op\nBenchmarkA")
            #expect(loadEveryWay([bare]).warnings.isEmpty)
            let crOnly = try directory.writeFile("cr.txt", "BenchmarkA 1 10 ns/op\n\r")
            #expect(loadEveryWay([crOnly]).warnings.isEmpty)
        }
    }

    // MARK: Concurrent labels

    @Test func concurrentLabelsKeepWarningsInLabelOrderAndWarnUnitsOnce() throws {
        try withTemporaryDirectory { directory in
            for (label, units) in [
                ("a", ["widgets", "ns"]), ("b", ["gadgets", "widgets"]), ("c", ["widgets", "gizmos"]),
            ] {
                var lines: [String] = []
                for unit in units {
                    for value in 1...3 {
                        lines.append("{\"benchmark\": \"x-\(unit)\", \"unit\": \"\(unit)\", \"value\": \(value)}")
                    }
                }
                try directory.writeFile("runs/\(label)/one.jsonl", lines.joined(separator: "\n") + "\n")
                try directory.writeFile(
                    "runs/\(label)/two.txt", "BenchmarkY 1 5 \(units[0])/op\nBenchmarkY 1 6 \(units[0])/op")
            }
            let outcome = loadEveryWay(["\(directory.path)/runs"], chunkSizes: [3, 4096])
            #expect(outcome.error == nil, "\(outcome)")
            let unknown = outcome.warnings.map(\.message).filter { $0.contains("is not a known unit") }
            #expect(
                unknown.map { $0.prefix(18) } == [
                    "unit \"widgets\" is ", "unit \"widgets/op\" ", "unit \"gadgets\" is ", "unit \"gadgets/op\" ",
                    "unit \"gizmos\" is n",
                ])
            #expect(
                outcome.warnings.filter { $0.message.contains("no final newline") }.map(\.location.file) == [
                    "\(directory.path)/runs/a/two.txt", "\(directory.path)/runs/b/two.txt",
                    "\(directory.path)/runs/c/two.txt",
                ])
        }
    }

    @Test func concurrentLabelsThrowTheFirstErrorInLabelOrder() throws {
        try withTemporaryDirectory { directory in
            let good = String(repeating: "BenchmarkA 1 10 ns/op\n", count: 2000)
            try directory.writeFile("runs/a/r.txt", good)
            try directory.writeFile("runs/b/r.txt", good + "BenchmarkA 1 nope ns/op\n")
            try directory.writeFile("runs/c/r.txt", "BenchmarkA 1 nope ns/op\n")
            try directory.writeFile("runs/d/r.txt", "")
            let outcome = loadEveryWay(["\(directory.path)/runs"], chunkSizes: [7, 4096])
            let error = try #require(outcome.error)
            #expect(error.location == SourceLocation(file: "\(directory.path)/runs/b/r.txt", line: 2001))
        }
    }

    // MARK: Detection from the first bytes

    @Test func formatsBeyondTheDetectionPrefixAreFoundAsBefore() throws {
        let padding = String(repeating: "log line that is not a result\n", count: 4000)
        let longName = String(repeating: "n", count: 70_000)
        try withTemporaryDirectory { directory in
            // Go text whose first result comes after the prefix: the whole file decides.
            let late = try directory.writeFile("late.txt", padding + "BenchmarkA 1 10 ns/op\n")
            #expect(try InputFormatDetector.detect(path: late) == .goBenchmarkText)
            #expect(loadEveryWay([late], chunkSizes: [4096]).series.first?.first?.sampleCount == 1)
            // JSON Lines whose first line is longer than the prefix.
            let wide = try directory.writeFile(
                "wide.jsonl", "{\"benchmark\": \"\(longName)\", \"unit\": \"ns\", \"value\": 1}\n" + padding)
            #expect(try InputFormatDetector.detect(path: wide) == .canonicalJSONLines)
            let wideOutcome = loadEveryWay([wide], chunkSizes: [4096])
            #expect(wideOutcome.error?.location.line == 2, "\(wideOutcome)")
            // Text that is no format at all, longer than the prefix.
            let prose = try directory.writeFile("prose.txt", padding)
            #expect(loadEveryWay([prose], chunkSizes: [4096]).error?.kind == .unknownFormat)
            // A large Go file decided from its prefix.
            let big = try directory.writeFile(
                "big.txt", "goos: linux\n" + String(repeating: "BenchmarkB-2 5 7 ns/op\n", count: 5000))
            #expect(try InputFormatDetector.detect(path: big) == .goBenchmarkText)
            #expect(loadEveryWay([big], chunkSizes: [4096]).series.first?.first?.sampleCount == 5000)
            // A callgrind header longer than the prefix is still callgrind.
            let header = "events: Ir\n" + String(repeating: "# comment\n", count: 7000) + "summary: 100\n"
            let callgrind = try directory.writeFile("callgrind.out.1", "creator: callgrind-3.19\n" + header)
            #expect(try InputFormatDetector.detect(path: callgrind) == .callgrind)
        }
    }

    // MARK: Byte-level helpers against their references

    /// `GoBenchmarkName.parameters` as it was written before, by `Character`.
    private func referenceParameters(_ fullName: String) -> [KeyValue] {
        let (prefix, gomaxprocs) = GoBenchmarkName.splitGomaxprocs(fullName)
        var parameters: [KeyValue] = []
        for part in prefix.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            if let equals = part.firstIndex(of: "="), equals != part.startIndex {
                parameters.append(KeyValue(String(part[..<equals]), String(part[part.index(after: equals)...])))
            }
        }
        if let gomaxprocs { parameters.append(KeyValue("gomaxprocs", gomaxprocs)) }
        return parameters
    }

    @Test func goNameParametersMatchTheCharacterSplit() {
        let fixed = [
            "BenchmarkA", "BenchmarkA-8", "BenchmarkA/b=1/c=2-16", "BenchmarkA//=x/k==v/", "BenchmarkA/x=-8",
            "Benchmark-", "Benchmark-1-2", "BenchmarkA/=1", "BenchmarkA/k=v/", "BenchmarkÜ/k=v-2",
            "BenchmarkA/k=\u{301}v", "BenchmarkA/\u{301}k=v", "BenchmarkA/k\u{301}=v-4", "12345",
        ]
        for name in fixed {
            #expect(GoBenchmarkName.parameters(name) == referenceParameters(name), "\(name)")
        }
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["a", "B", "/", "=", "-", "1", "9", "_", ".", "é", "\u{301}"]
        for _ in 0..<2000 {
            let length = Int.random(in: 0...14, using: &generator)
            let name = "Benchmark" + String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
            #expect(GoBenchmarkName.parameters(name) == referenceParameters(name), "\(name)")
        }
    }

    /// 16 to 19 significant digits (full-precision output) are parsed in 128-bit integer
    /// arithmetic: bit for bit what strtod gives, ties and near-ties included.
    @Test func longDecimalsMatchStrtodBitForBit() {
        var generator = SystemRandomNumberGenerator()
        var cases = [
            "9007199254740993", "9007199254740992.5", "18446744073709551615", "9999999999999999999",
            "1234567890123456.7", "0.1000000000000000055511151231257827", "0.30000000000000004",
            "2.2250738585072014", "4503599627370496.5", "9007199254740993e-19", "9007199254740993e19",
            "123456789012345678e-5", "1.234567890123456789", "-98765432109876543.21",
        ]
        for _ in 0..<50_000 {
            let digits = Int.random(in: 16...19, using: &generator)
            var text = String(Int.random(in: 1...9, using: &generator))
            text += String((1..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            // Halfway points between doubles: a 17-digit string ending in 5 often is one.
            if Bool.random(using: &generator) { text = String(text.dropLast()) + "5" }
            let dot = Int.random(in: 0...digits, using: &generator)
            if dot < digits { text.insert(".", at: text.index(text.startIndex, offsetBy: dot)) }
            if Int.random(in: 0..<3, using: &generator) == 0 {
                text += "e\(Int.random(in: -12...12, using: &generator))"
            }
            cases.append(text)
        }
        var mismatches: [String] = []
        for text in cases {
            let parsed = Bytes.parseDouble(text)
            let expected = Double(text)
            if parsed?.bitPattern != expected?.bitPattern { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// Every power the integer path takes (−19…19), with mantissas at both ends of its range and
    /// at random, digit strings that end in 5 (halfway candidates) included: strtod bit for bit.
    @Test(arguments: -19...19)
    func exactLongDecimalMatchesStrtodAtEveryPower(_ power: Int) {
        var generator = SystemRandomNumberGenerator()
        var mantissas: [UInt64] = [1 << 53, (1 << 53) + 1, UInt64.max, UInt64.max - 1, 9_999_999_999_999_999_999]
        for _ in 0..<2000 {
            var mantissa = UInt64.random(in: (1 << 53)...UInt64.max, using: &generator)
            if Bool.random(using: &generator) { mantissa = mantissa / 10 * 10 + 5 }
            if mantissa >= 1 << 53 { mantissas.append(mantissa) }
        }
        var mismatches: [String] = []
        for mantissa in mantissas {
            let text = "\(mantissa)e\(power)"
            if Bytes.exactLongDecimal(mantissa, power: power).bitPattern != Double(text)?.bitPattern {
                mismatches.append(text)
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// The eight-digit conversion against the plain one, and its digit check against every byte.
    @Test func eightDigitsAtOnceAgreeWithOneByOne() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let bytes = (0..<8).map { _ in UInt8.random(in: 0x30...0x39, using: &generator) }
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            #expect(Bytes.isEightDigits(word))
            #expect(Bytes.eightDigitsValue(word) == bytes.reduce(UInt64(0)) { $0 * 10 + UInt64($1 - 0x30) })
        }
        for position in 0..<8 {
            for byte in (0...255).map(UInt8.init) where !(0x30...0x39).contains(byte) {
                var bytes = [UInt8](repeating: 0x35, count: 8)
                bytes[position] = byte
                let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
                #expect(!Bytes.isEightDigits(word), "byte \(byte) at \(position)")
            }
        }
    }

    /// The eight-bytes-at-a-time token end against a byte loop, on random bytes biased towards
    /// digits, with every kind of ending byte at every offset.
    @Test func jsonTokenEndAgreesWithAByteLoop() {
        var generator = SystemRandomNumberGenerator()
        let alphabet =
            Array("0123456789.-+eE".utf8) + [0x2C, 0x7D, 0x20, 0x09, 0x0A, 0x00, 0x1F, 0x21, 0x7E, 0x80, 0xFF]
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...40, using: &generator)
            let bytes = (0..<count).map { _ in
                Int.random(in: 0..<6, using: &generator) == 0
                    ? alphabet.randomElement(using: &generator) ?? 0x30
                    : UInt8.random(in: 0x30...0x39, using: &generator)
            }
            let start = count == 0 ? 0 : Int.random(in: 0...count, using: &generator)
            let expected =
                bytes[start...].firstIndex { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "}") || $0 < 0x21 } ?? count
            let found = bytes.withUnsafeBytes { Bytes.jsonTokenEnd($0, from: start, to: count) }
            #expect(found == expected, "\(bytes) from \(start)")
        }
    }

    @Test func parseDoubleMatchesStrtodOnDecimals() {
        var generator = SystemRandomNumberGenerator()
        let fixed = [
            "0", "00", "5.", ".5", "0.1", "1.50", "123456789012345", "1234567890123456", "9007199254740993",
            "0.000000000000001", "99999999999999.9", "1e5", "-3.25", "+7",
        ]
        var cases = fixed
        // Up to 25 digits (past 18, and past 2^53 below that, the bytes go to strtod directly),
        // with signs and exponents beyond Clinger's ±22.
        for _ in 0..<8000 {
            let digits = Int.random(in: 1...25, using: &generator)
            var text = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            if Bool.random(using: &generator) {
                let dot = Int.random(in: 0...digits, using: &generator)
                text.insert(".", at: text.index(text.startIndex, offsetBy: dot))
            }
            if Int.random(in: 0..<4, using: &generator) == 0 { text = (Bool.random() ? "-" : "+") + text }
            if Int.random(in: 0..<4, using: &generator) == 0 {
                text += "e\(Int.random(in: -330...330, using: &generator))"
            }
            cases.append(text)
        }
        for text in cases {
            let parsed = Bytes.parseDouble(text)
            let expected = text == "." ? nil : Double(text)
            #expect(parsed == expected, "\(text)")
        }
        for text in [
            ".", "", "1..2", "1.2.3", "0x10", "1e", "--1", "1 ", "12345678901234567890x", "12345678901234567890 ",
            "1234567890123456789.0.1", "1234567890123456789e", "9007199254740993e30x", "0.1234567890123456789e+",
        ] {
            #expect(Bytes.parseDouble(text) == nil, "\(text)")
        }
    }
}
