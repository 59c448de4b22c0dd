import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

@testable import BenchmarkIngest

/// A line of an interleaved JSON Lines file is read without scanning its JSON when it is made of
/// the template of the next key's layout, that key's name and a number (`ResolvedSeriesTable`'s
/// `nextByTemplate`). Lines that come close to a template — another spacing, another key, a name
/// that is a prefix of the next one's, a token that is not a number — must load exactly as the
/// scanner reads them, and a bad value must fail with the message and line the scanner gives.
@Suite("JSON Lines read through line templates")
struct LineTemplateTests {
    /// One line's fields, as a test writes them.
    private struct Key {
        let name: String
        let unit: String
        /// The JSON between the unit and the value, for example `, "mode": "walltime"`.
        var extra = ""
        /// `"value"` before `"benchmark"`: no template is taken from such a line.
        var valueFirst = false

        func line(_ token: String, spacing: String = " ") -> String {
            let name = #""benchmark":\#(spacing)"\#(self.name)""#
            let value = #""value":\#(spacing)\#(token)"#
            let unit = #""unit":\#(spacing)"\#(self.unit)"\#(extra)"#
            return valueFirst ? "{\(value), \(unit), \(name)}" : "{\(name), \(unit), \(value)}"
        }
    }

    /// Names that are prefixes of one another, one name in two units and two modes' layouts, a run
    /// field (string and number), an unknown key, a value-first line and a name needing no escape
    /// next to one written with an escape.
    private static let keys: [Key] = [
        Key(name: "a", unit: "ns"),
        Key(name: "ab", unit: "ns"),
        Key(name: "a/b", unit: "ns"),
        Key(name: "a", unit: "B"),
        Key(name: "ab", unit: "instructions", extra: #", "mode": "instrumentation""#),
        Key(name: "r", unit: "ns", extra: #", "run": "r1""#),
        Key(name: "r", unit: "ns", extra: #", "run": 7"#),
        Key(name: "extra", unit: "ns", extra: #", "host": "ci-1""#),
        Key(name: "first", unit: "ns", valueFirst: true),
        Key(name: "a-b", unit: "ns"),
        // Read in reverse, "x1"'s line comes where "x2" is next: same layout, same name length.
        Key(name: "x1", unit: "ns"),
        Key(name: "y", unit: "ns"),
        Key(name: "x2", unit: "ns"),
    ]

    /// (name | base unit | run) → the values the file gives it, computed from the test's own lines.
    private func contents(_ label: LabelData) -> [String: [Double]] {
        var result: [String: [Double]] = [:]
        for series in label.series {
            for run in series.runs {
                result["\(series.benchmark.name) | \(series.unit.baseUnit) | \(run.id)"] = run.values
            }
        }
        return result
    }

    private static func baseUnitAndScale(_ unit: String) -> (String, Double) {
        switch unit {
        case "ns": ("s", 1e-9)
        case "B": ("B", 1)
        default: ("instructions", 1)
        }
    }

    /// Six passes of the suite, the later ones with lines that are almost their template: other
    /// spacing, numbers in other forms, an unknown key added, a pass in another order, a name
    /// written with an escape, and a key met twice in a row.
    @Test func nearTemplateLinesLoadAsTheScannerReadsThem() throws {
        try withTemporaryDirectory { directory in
            var lines: [String] = []
            var expected: [String: [Double]] = [:]
            let file = "\(directory.path)/t/run.jsonl"
            func add(_ key: Key, _ token: String, value: Double, spacing: String = " ", line: String? = nil) {
                lines.append(line ?? key.line(token, spacing: spacing))
                let (base, scale) = Self.baseUnitAndScale(key.unit)
                let run = key.extra.contains("r1") ? "r1" : key.extra.contains("7") ? "7" : file
                expected["\(key.name) | \(base) | \(run)", default: []].append(value * scale)
            }
            var counter = 0.0
            for pass in 0..<6 {
                let order = pass == 3 ? Array(Self.keys.indices.reversed()) : Array(Self.keys.indices)
                for index in order {
                    counter += 1
                    let key = Self.keys[index]
                    switch (pass, index) {
                    case (4, 0): add(key, "\(counter)", value: counter, spacing: "  ")
                    case (4, 1): add(key, "\(counter)e0", value: counter)
                    case (4, 2):
                        // The name written with an escaped slash: the same benchmark, read by the parser.
                        add(
                            key, "", value: counter, line: #"{"benchmark": "a\/b", "unit": "ns", "value": \#(counter)}"#
                        )
                    case (4, 3): add(key, "\(Int(counter))0e-1", value: counter)
                    case (4, 7):
                        add(
                            key, "", value: counter,
                            line: #"{"benchmark": "extra", "unit": "ns", "host": "ci-1", "value": \#(counter), "x": 1}"#
                        )
                    case (5, 9):
                        add(key, "\(counter)", value: counter)
                        counter += 1
                        add(key, "\(counter)", value: counter)
                    default: add(key, "\(counter)", value: counter)
                    }
                }
            }
            try directory.writeFile("t/run.jsonl", lines.joined(separator: "\n") + "\n")
            let (label, _) = try loadSingle(file)
            #expect(contents(label) == expected)
            #expect(label.series.count == Self.keys.count - 1)  // "r" in two runs is one series
        }
    }

    /// The line of "ab" with value 5, written as the others are.
    private static let goodLine = keys[1].line("5")

    /// Bad lines in the place of "ab"'s line in the third pass, when templates are taken: bad
    /// tokens in the value's place, and lines that differ from the template only at their ends.
    static let badLines: [String] =
        ["-4", "0", "NaN", "-Infinity", "1e309", #""12""#, "true", "null", "1 2", "1x", "[1]"]
        .map { keys[1].line($0) } + [
            keys[1].line(#"1,"value":2"#),
            String(goodLine.dropLast()) + "]",
            "[" + goodLine.dropFirst(),
            goodLine + "}",
            goodLine.replacingOccurrences(of: #""ab""#, with: #""ab"#),
        ]

    /// A bad line where the template would serve (the third pass) fails with the error of the same
    /// line read in a file where no template can serve it: the same kind and text, at its own line.
    @Test(arguments: badLines)
    func aBadLineWhereATemplateServesFailsAsTheScannerReportsIt(bad: String) throws {
        try withTemporaryDirectory { directory in
            var lines: [String] = []
            for pass in 0..<3 {
                for (index, key) in Self.keys.enumerated() {
                    lines.append(pass == 2 && index == 1 ? bad : key.line("\(10 * pass + index + 1)"))
                }
            }
            let badLine = Self.keys.count * 2 + 2
            let interleaved = try directory.writeFile("i.jsonl", lines.joined(separator: "\n") + "\n")
            // One line before it, of another benchmark: the file is JSON Lines, and no template
            // serves a key that was never read.
            let alone = try directory.writeFile("alone.jsonl", Self.keys[0].line("1") + "\n" + bad + "\n")
            let fromTemplate = inputError { () throws(InputError) in
                _ = try DatasetLoader.load(paths: [interleaved], options: LoadOptions())
            }
            let fromScanner = inputError { () throws(InputError) in
                _ = try DatasetLoader.load(paths: [alone], options: LoadOptions())
            }
            let template = try #require(fromTemplate)
            let scanner = try #require(fromScanner)
            #expect(template.kind == scanner.kind)
            #expect(template.location.line == badLine)
            #expect(scanner.location.line == 2)
            #expect(
                template.description.dropFirst("\(interleaved):\(badLine): ".count)
                    == scanner.description.dropFirst("\(alone):2: ".count))
        }
    }

    /// A label of several files: a later file's lines match the earlier file's templates and land in
    /// their own file's run.
    @Test func laterFilesOfALabelKeepTheirRuns() throws {
        try withTemporaryDirectory { directory in
            var paths: [String] = []
            for file in 1...3 {
                let lines = (0..<4).flatMap { pass in
                    Self.keys.prefix(4).enumerated().map { index, key in
                        key.line("\(100 * file + 10 * pass + index + 1)")
                    }
                }
                paths.append(try directory.writeFile("label/run\(file).jsonl", lines.joined(separator: "\n") + "\n"))
            }
            let dataset = try DatasetLoader.loadLabel(named: "label", inputs: paths)
            let label = try #require(dataset.labels.first)
            let series = try #require(label.series("ab", "s"))
            #expect(series.runs.map(\.id) == paths)
            var expected: [[Double]] = []
            for file in 1...3 {
                let values: [Double] = (0..<4).map { pass in Double(100 * file + 10 * pass + 2) * 1e-9 }
                expected.append(values)
            }
            #expect(series.runs.map(\.values) == expected)
        }
    }

    /// Random interleaved files — keys that are prefixes of one another, in several layouts and
    /// runs; passes in the same, reversed or shuffled order; a key repeated on consecutive lines;
    /// each line in one of several spellings (spacing, key order, an extra key) and its value in
    /// one of several number forms — load to exactly the values the generator wrote, per series
    /// and run, in file order.
    @Test(arguments: 0..<24)
    func randomInterleavedFilesLoadTheValuesTheyHold(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let names = ["a", "b", "ab", "ba", "a/b", "a-b", "x1", "x2", "abc", "ab/c[size=1]", "caf\u{E9}"]
        // (name, unit, extra JSON of mode and run, run id or nil for the file)
        let layouts: [(unit: String, extra: String, run: String?)] = [
            ("ns", "", nil), ("B", "", nil), ("instructions", #", "mode": "instrumentation""#, nil),
            ("ns", #", "run": "r1""#, "r1"), ("ns", #", "run": 7"#, "7"),
        ]
        var keys: [(name: String, layout: Int)] = []
        for name in names.shuffled(using: &random).prefix(Int.random(in: 3...names.count, using: &random)) {
            for layout in layouts.indices where Int.random(in: 0..<3, using: &random) == 0 || layout == 0 {
                keys.append((name, layout))
            }
        }
        keys.shuffle(using: &random)
        try withTemporaryDirectory { directory in
            let file = "\(directory.path)/r/run.jsonl"
            var lines: [String] = []
            var expected: [String: [Double]] = [:]
            var counter = 0
            for _ in 0..<Int.random(in: 2...6, using: &random) {
                var order = Array(keys.indices)
                switch Int.random(in: 0..<5, using: &random) {
                case 0: order.reverse()
                case 1: order.shuffle(using: &random)
                default: break
                }
                for index in order {
                    for _ in 0..<(Int.random(in: 0..<6, using: &random) == 0 ? 3 : 1) {
                        counter += 1
                        let (name, layoutIndex) = keys[index]
                        let layout = layouts[layoutIndex]
                        let (token, value) = Self.numberToken(counter, &random)
                        // Mostly one space (the template's spelling), sometimes none or two.
                        let space =
                            Int.random(in: 0..<5, using: &random) == 0
                            ? ["", "  "][Int.random(in: 0..<2, using: &random)] : " "
                        let fields = [
                            #""benchmark":\#(space)"\#(name)""#, #""unit":\#(space)"\#(layout.unit)"\#(layout.extra)"#,
                            #""value":\#(space)\#(token)"#,
                        ]
                        var ordered = fields
                        if Int.random(in: 0..<6, using: &random) == 0 { ordered.shuffle(using: &random) }
                        if Int.random(in: 0..<8, using: &random) == 0 { ordered.append(#""host": "ci""#) }
                        lines.append("{" + ordered.joined(separator: ", ") + "}")
                        let (base, scale) = Self.baseUnitAndScale(layout.unit)
                        expected["\(name) | \(base) | \(layout.run ?? file)", default: []].append(value * scale)
                    }
                }
            }
            try directory.writeFile("r/run.jsonl", lines.joined(separator: "\n") + "\n")
            let (label, _) = try loadSingle(file)
            #expect(contents(label) == expected, "seed \(seed)")
        }
    }

    /// A number token for sample `counter`, in one of several forms, and its value.
    private static func numberToken(_ counter: Int, _ random: inout SplitMix64) -> (String, Double) {
        switch Int.random(in: 0..<5, using: &random) {
        case 0: return ("\(counter).25", Double(counter) + 0.25)
        case 1: return ("\(counter)e0", Double(counter))
        case 2: return ("\(counter * 10)E-1", Double(counter))
        case 3:
            let full = Double(counter) + 1 / 3
            return ("\(full)", full)
        default: return ("\(counter)", Double(counter))
        }
    }
}
