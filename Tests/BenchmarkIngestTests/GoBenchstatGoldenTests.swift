import BenchmarkIngest
import BenchmarkModel
import Foundation
import Testing

/// One (column, unit, row) cell of a Go benchstat golden table, with n when the golden shows it.
struct GoldenCell: Hashable, CustomStringConvertible {
    let column: String
    let unit: String
    let row: String
    var description: String { "\(column) | \(unit) | \(row)" }
}

/// Reads Go benchstat's golden `.stdout` tables (golang.org/x/perf/cmd/benchstat/testdata):
/// which rows have a value in which column and unit, and the sample count `n=…` when shown.
enum GoldenTable {
    static func parse(_ text: String) -> (cells: Set<GoldenCell>, counts: [GoldenCell: Int]) {
        var cells: Set<GoldenCell> = []
        var counts: [GoldenCell: Int] = [:]
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array(String($0)) }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard line.contains("│"), index + 1 < lines.count, lines[index + 1].contains("│") else {
                index += 1
                continue
            }
            let bars = line.indices.filter { line[$0] == "│" }
            let unitsLine = lines[index + 1]
            var columns: [(name: String, unit: String, lower: Int, upper: Int)] = []
            for (k, lower) in bars.enumerated().dropLast() {
                let upper = bars[k + 1]
                let name = String(line[(lower + 1)..<upper]).trimmingCharacters(in: .whitespaces)
                let unitText = String(unitsLine[(lower + 1)..<min(upper, unitsLine.count)])
                let unit = unitText.split(separator: " ").first.map(String.init) ?? ""
                columns.append((name, unit, lower, upper))
            }
            index += 2
            while index < lines.count {
                let row = lines[index]
                let text = String(row)
                if text.trimmingCharacters(in: .whitespaces).isEmpty || text.hasPrefix("geomean") { break }
                let name = text.split(separator: " ").first.map(String.init) ?? ""
                for column in columns {
                    let lower = column.lower + 1
                    let upper = min(column.upper, row.count)
                    guard lower < upper else { continue }
                    let cellText = String(row[lower..<upper])
                    guard let valueText = cellText.split(separator: " ").first, valueText.first?.isNumber == true
                    else { continue }
                    let cell = GoldenCell(column: column.name, unit: column.unit, row: name)
                    cells.insert(cell)
                }
                if let range = text.range(of: #"n=(\d+)(\+(\d+))?\)"#, options: .regularExpression) {
                    let numbers = text[range].dropFirst(2).dropLast().split(separator: "+").compactMap { Int($0) }
                    for (position, column) in columns.enumerated() where position < numbers.count || numbers.count == 1
                    {
                        let n = numbers.count == 1 ? numbers[0] : numbers[position]
                        counts[GoldenCell(column: column.name, unit: column.unit, row: name)] = n
                    }
                }
                index += 1
            }
        }
        return (cells, counts)
    }

    /// Go's tidied unit (benchunit.Tidy) for a unit as written.
    static func goTidy(_ unit: String) -> String {
        switch unit {
        case "ns/op": "sec/op"
        case "MB/s": "B/s"
        default: unit
        }
    }

    /// The row name Go's benchstat prints: the full name without `Benchmark`.
    static func rowName(_ name: String) -> String {
        name.hasPrefix("Benchmark") ? String(name.dropFirst("Benchmark".count)) : name
    }
}

struct GoldenCase: Sendable, CustomTestStringConvertible {
    let golden: String
    let files: [String]
    /// The configuration key used as columns (`-col note`), or nil for files as columns.
    let columnKey: String?
    var testDescription: String { golden }
}

@Suite("Go benchstat goldens", .enabled(if: Fixtures.exists(Fixtures.goTestdata)))
struct GoBenchstatGoldenTests {
    static let cases: [GoldenCase] = [
        GoldenCase(golden: "crcOldNew", files: ["crc-old.txt", "crc-new.txt"], columnKey: nil),
        GoldenCase(golden: "csvOldNew", files: ["old.txt", "new.txt"], columnKey: nil),
        GoldenCase(golden: "units", files: ["units.txt"], columnKey: "note"),
        GoldenCase(golden: "zero", files: ["zero.txt"], columnKey: "note"),
        GoldenCase(golden: "smallSample", files: ["smallSample.txt"], columnKey: "note"),
        GoldenCase(golden: "issue19565", files: ["issue19565.txt"], columnKey: "note"),
        GoldenCase(golden: "issue19634", files: ["issue19634.txt"], columnKey: "note"),
    ]

    static var directory: String { "\(Fixtures.goTestdata)/cmd/benchstat" }

    /// Cells and counts as the loader (files as labels) or the reader (grouped by a
    /// configuration key) finds them.
    static func observed(_ golden: GoldenCase) throws -> [GoldenCell: Int] {
        var counts: [GoldenCell: Int] = [:]
        let paths = golden.files.map { "\(directory)/\($0)" }
        if let key = golden.columnKey {
            for path in paths {
                var column = ""
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                try GoBenchmarkTextReader.read(data, fileName: path) { (record: GoBenchmarkRecord) in
                    switch record {
                    case .configuration(let name, let value, _) where name == key: column = value
                    case .configuration: break
                    case .result(let result):
                        for measurement in result.measurements {
                            let cell = GoldenCell(
                                column: column, unit: GoldenTable.goTidy(measurement.unit),
                                row: GoldenTable.rowName(result.name))
                            counts[cell, default: 0] += 1
                        }
                    }
                }
                // The same file loads through DatasetLoader without error.
                _ = try DatasetLoader.load(paths: [path])
            }
        } else {
            let dataset = try DatasetLoader.load(paths: paths)
            for (label, file) in zip(dataset.labels, golden.files) {
                #expect(label.label == (file as NSString).deletingPathExtension)
                for series in label.series {
                    let cell = GoldenCell(
                        column: file, unit: GoldenTable.goTidy(series.unit.written),
                        row: GoldenTable.rowName(series.benchmark.name))
                    counts[cell] = series.sampleCount
                    #expect(series.runs.count == 1)
                }
            }
        }
        return counts
    }

    @Test(arguments: cases)
    func matchesGolden(_ golden: GoldenCase) throws {
        let text = try String(contentsOfFile: "\(Self.directory)/\(golden.golden).stdout", encoding: .utf8)
        let observed = try Self.observed(golden)
        if golden.golden.hasPrefix("csv") {
            // CSV golden: rows "name,center,CI,center,CI,…,p=… n=10" under ",old.txt,,new.txt" headers.
            let lines = text.split(separator: "\n").map(String.init)
            let rows = lines.filter { $0.contains("n=") }
            #expect(rows.count == 2)
            for row in rows {
                let name = String(row.prefix { $0 != "," })
                let n = Int(row.split(separator: "n=").last ?? "") ?? -1
                for file in golden.files {
                    #expect(observed[GoldenCell(column: file, unit: "sec/op", row: name)] == n, "\(name) \(file)")
                }
            }
            #expect(Set(observed.keys.map(\.row)) == Set(rows.map { String($0.prefix { $0 != "," }) }))
            return
        }
        let (cells, counts) = GoldenTable.parse(text)
        #expect(!cells.isEmpty)
        #expect(Set(observed.keys) == cells, "\(Set(observed.keys).symmetricDifference(cells))")
        for (cell, n) in counts {
            #expect(observed[cell] == n, "\(cell)")
        }
    }

    @Test func smallSampleAndIssue19634CountsAreShown() throws {
        let small = try Self.observed(Self.cases[4])
        #expect(small[GoldenCell(column: "before", unit: "sec/op", row: "X")] == 1)
        let floatSub = try Self.observed(Self.cases[6])
        #expect(floatSub[GoldenCell(column: "after", unit: "sec/op", row: "FloatSub/100-4")] == 5)
    }

    /// Every benchfmt test input reads without error; the empty ones hold no result.
    @Test func readsEveryBenchfmtFile() throws {
        let root = "\(Fixtures.goTestdata)/benchfmt"
        let enumerator = FileManager.default.enumerator(atPath: root)
        var files = 0
        var results = 0
        while let relative = enumerator?.nextObject() as? String {
            let path = "\(root)/\(relative)"
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            files += 1
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            try GoBenchmarkTextReader.read(data, fileName: path) { (record: GoBenchmarkRecord) in
                if case .result = record { results += 1 }
            }
            if !data.isEmpty, relative.hasSuffix(".stdout") || relative.contains("bench") || relative.hasPrefix("files")
            {
                _ = try DatasetLoader.load(paths: [path])
            }
        }
        #expect(files == 26)
        #expect(results > 1000)
    }
}
