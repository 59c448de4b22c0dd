import BenchmarkModel

/// Collects the samples of one label, file after file, into series: one per (benchmark name,
/// base unit) in first-seen order, each with its runs in first-seen order.
///
/// It validates every value (finite, > 0 or ≥ 0 as the unit demands, finite after scaling to
/// the base unit) and, when finished, checks that a benchmark does not use disjoint sets of
/// units in two files of the label.
struct LabelAccumulator {
    let label: String
    private(set) var files: [FileMetadata] = []
    private var builders: [SeriesBuilder] = []
    private var index: [SeriesKey: Int] = [:]
    private var seriesByName: [String: [Int]] = [:]
    private var filePaths: [String] = []
    /// The file being read now.
    private(set) var currentFile: String = ""

    init(label: String) {
        self.label = label
    }

    private struct SeriesKey: Hashable {
        let name: String
        let baseUnit: String
    }

    fileprivate struct SeriesBuilder {
        let benchmark: BenchmarkIdentity
        let unit: MeasurementUnit
        let mode: MeasurementMode
        let firstSeen: SourceLocation
        var runs: [BenchmarkRun]
        var runIndex: [String: Int]
        var lastRun: Int
        var fileIndices: [Int]
    }

    /// Starts a new file: later samples without an explicit run belong to the run named `path`.
    mutating func beginFile(_ path: String) {
        currentFile = path
        filePaths.append(path)
    }

    /// Records the metadata of the file just read.
    mutating func endFile(_ metadata: FileMetadata) {
        files.append(metadata)
    }

    /// The series for (`name`, `unit.baseUnit`), created on first use.
    ///
    /// - Throws: `conflictingMode` when the series exists with another mode.
    mutating func series(
        name: String, parameters: @autoclosure () -> [KeyValue], unit: MeasurementUnit,
        mode explicit: MeasurementMode?, line: Int?, context: inout IngestContext
    ) throws(InputError) -> Int {
        let key = SeriesKey(name: name, baseUnit: unit.baseUnit)
        let file = currentFile
        let mode = context.resolveMode(
            explicit: explicit, unit: unit, at: SourceLocation(file: file, line: line, field: "unit"))
        if let existing = index[key] {
            let builder = builders[existing]
            if builder.mode != mode {
                throw InputError(
                    .conflictingMode, at: SourceLocation(file: file, line: line, field: "mode"),
                    "benchmark \"\(name)\" in \(unit.baseUnit) is \(mode.rawValue) here but "
                        + "\(builder.mode.rawValue) at \(builder.firstSeen)")
            }
            return existing
        }
        if name.unicodeScalars.contains("\u{FFFD}") {
            context.warn(
                SourceLocation(file: file, line: line, field: "benchmark"),
                "the benchmark name holds U+FFFD, the mark of bytes that are not UTF-8; names that differ only "
                    + "in such bytes are the same benchmark here")
        }
        let position = builders.count
        builders.append(
            SeriesBuilder(
                benchmark: BenchmarkIdentity(name: name, parameters: parameters()), unit: unit, mode: mode,
                firstSeen: SourceLocation(file: file, line: line), runs: [], runIndex: [:], lastRun: -1,
                fileIndices: []))
        index[key] = position
        seriesByName[name, default: []].append(position)
        return position
    }

    /// Appends one sample, given in `unit` (whose base unit is the series' base unit), to the run
    /// `run` (nil: the current file) of series `series`, with its `iteration` (round) when the file
    /// gives one.
    ///
    /// - Throws: `nonFiniteValue` for NaN/±Inf or an overflow when scaling; `valueOutOfRange` for
    ///   negative values, and for zero where `unit.allowsZero` is false; `missingField` when some
    ///   samples of a run carry an iteration and others do not.
    mutating func append(
        _ raw: Double, unit: MeasurementUnit, series: Int, run: String?, line: Int?, field: String?,
        file: String? = nil, iteration: Int? = nil
    ) throws(InputError) {
        let sourceFile = file ?? currentFile
        let value = try Self.validated(raw, unit: unit, file: sourceFile, line: line, field: field)
        let runID = run ?? currentFile
        let fileIndex = filePaths.count - 1
        let consistent = builders[series].append(
            value, runID: runID, fileIndex: fileIndex, iteration: iteration
        ) {
            SourceLocation(file: sourceFile, line: line)
        }
        if !consistent {
            throw InputError(
                .missingField, at: SourceLocation(file: sourceFile, line: line, field: "iteration"),
                iteration == nil
                    ? "missing field \"iteration\": earlier samples of run \"\(runID)\" carry one"
                    : "field \"iteration\" given here but not on earlier samples of run \"\(runID)\"")
        }
    }

    /// Checks a value and converts it to the base unit.
    static func validated(
        _ raw: Double, unit: MeasurementUnit, file: String, line: Int?, field: String?
    ) throws(InputError) -> Double {
        let location = SourceLocation(file: file, line: line, field: field)
        let fieldPrefix = field.map { "field \"\($0)\": " } ?? ""
        guard raw.isFinite else {
            throw InputError(
                .nonFiniteValue, at: location,
                "\(fieldPrefix)expected a finite number, found \(raw) \(unit.written)")
        }
        if raw < 0 || (raw == 0 && !unit.allowsZero) {
            let bound = unit.allowsZero ? ">= 0" : "> 0"
            throw InputError(
                .valueOutOfRange, at: location,
                "\(fieldPrefix)value must be \(bound) in \(unit.written), found \(formatNumber(raw))")
        }
        let value = raw * unit.scale
        guard value.isFinite else {
            throw InputError(
                .nonFiniteValue, at: location,
                "\(fieldPrefix)\(formatNumber(raw)) \(unit.written) overflows when converted to \(unit.baseUnit)")
        }
        if value == 0 && raw != 0 {
            throw InputError(
                .valueOutOfRange, at: location,
                "\(fieldPrefix)\(formatNumber(raw)) \(unit.written) underflows to 0 when converted to \(unit.baseUnit)")
        }
        return value
    }

    /// The label's data.
    ///
    /// - Throws: `incompatibleUnits` when one benchmark has disjoint sets of base units in two
    ///   files of this label (for example `ns/op` in one and only `instructions` in another).
    func finish() throws(InputError) -> LabelData {
        for (name, positions) in seriesByName where positions.count > 1 {
            try checkUnits(name: name, positions: positions)
        }
        let series = builders.map {
            BenchmarkSeries(benchmark: $0.benchmark, unit: $0.unit, mode: $0.mode, runs: $0.runs)
        }
        return LabelData(label: label, series: series, files: files)
    }

    private func checkUnits(name: String, positions: [Int]) throws(InputError) {
        // file index → the base units this benchmark has there, in first-seen order.
        var unitsByFile: [Int: [String]] = [:]
        for position in positions {
            for file in builders[position].fileIndices {
                unitsByFile[file, default: []].append(builders[position].unit.baseUnit)
            }
        }
        guard unitsByFile.count > 1 else { return }
        let ordered = unitsByFile.keys.sorted()
        for (i, first) in ordered.enumerated() {
            let firstUnits = Set(unitsByFile[first] ?? [])
            for second in ordered[(i + 1)...] {
                let secondUnits = unitsByFile[second] ?? []
                if firstUnits.isDisjoint(with: secondUnits) {
                    throw InputError(
                        .incompatibleUnits, at: SourceLocation(file: filePaths[second]),
                        "benchmark \"\(name)\" is measured in \(secondUnits.joined(separator: ", ")) here but in "
                            + "\(unitsByFile[first]?.joined(separator: ", ") ?? "") in \(filePaths[first]) "
                            + "(same label \"\(label)\"); the units are incompatible")
                }
            }
        }
    }
}

extension LabelAccumulator.SeriesBuilder {
    /// Appends `value` (and `iteration`) to its run; false, appending nothing, when the run's
    /// earlier samples disagree about carrying an iteration.
    fileprivate mutating func append(
        _ value: Double, runID: String, fileIndex: Int, iteration: Int?, location: () -> SourceLocation
    ) -> Bool {
        if fileIndices.last != fileIndex { fileIndices.append(fileIndex) }
        var position = -1
        if lastRun >= 0, runs[lastRun].id == runID {
            position = lastRun
        } else if let existing = runIndex[runID] {
            lastRun = existing
            position = existing
        }
        guard position >= 0 else {
            lastRun = runs.count
            runIndex[runID] = runs.count
            runs.append(
                BenchmarkRun(id: runID, values: [value], source: location(), iterations: iteration.map { [$0] }))
            return true
        }
        guard (iteration == nil) == (runs[position].iterations == nil) else { return false }
        runs[position].values.append(value)
        if let iteration { runs[position].iterations?.append(iteration) }
        return true
    }
}

/// A number as a person would write it in a message (`-1`, `0`, `1e+308`, `0.5`).
func formatNumber(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
        return String(Int64(value))
    }
    return "\(value)"
}
