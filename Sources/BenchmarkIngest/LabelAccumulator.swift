import BenchmarkModel
import Foundation

/// Collects the samples of one label, file after file, into series: one per (benchmark name,
/// base unit) in first-seen order, each with its runs in first-seen order.
///
/// It validates every value (finite, > 0 or ≥ 0 as the unit demands, finite after scaling to
/// the base unit) and, when finished, checks that a benchmark does not use disjoint sets of
/// units in two files of the label.
struct LabelAccumulator {
    let label: String
    private(set) var files: [FileMetadata] = []
    private var builders = ChunkedArray<SeriesBuilder>()
    /// Benchmark name → the position of its first series; its series in other base units follow
    /// through `SeriesBuilder.nextOfName`. The names are the builders'.
    private var index = NameIndex()
    private var filePaths: [String] = []
    /// The file being read now.
    private(set) var currentFile: String = ""
    /// Run names interned as small integers, so that a sample's run is compared as an `Int`: explicit
    /// `run` names, and the files' runs, one per file path byte for byte (two paths that differ in
    /// bytes but not as text — é precomposed or not, a byte that is not UTF-8 and its escape — are
    /// two files, so two runs). `runNames` holds each key's name as shown.
    private var runKeys: [String: Int] = [:]
    private var fileRunKeys: [ExactText: Int] = [:]
    private var runNames: [String] = []
    /// The run key of samples without an explicit run: the current file's path.
    private(set) var currentFileRun = -1
    /// The run created last, as (series, position in its runs), or (-1, -1).
    private var lastNewRun = (series: -1, run: -1)
    /// The number of values the run created last expected (the room its array is given when its
    /// first sample, held inline, is joined by a second).
    private var lastNewRunExpected = 1

    /// For each non-ASCII name (in NFC): its first spelling's bytes and where it was met.
    private var spellings: [String: (bytes: [UInt8], at: SourceLocation)] = [:]
    /// The canonical JSON Lines loader's table of resolved lines, kept from one file of the label
    /// to the next (a label of one file per run names the same benchmarks in each).
    private var resolvedLines = ResolvedSeriesTable()

    /// The number of files the label will read, when known: a series met in more than one of
    /// them reserves room for that many runs and files at once instead of growing by doubling.
    private let expectedFiles: Int

    /// Creates the accumulator of `label`, which will read `expectedFiles` files (a hint).
    init(label: String, expectedFiles: Int = 1) {
        self.label = label
        self.expectedFiles = max(expectedFiles, 1)
    }

    /// `name` in Unicode NFC. Swift compares strings by canonical equivalence, so `café` written
    /// precomposed (NFC) and decomposed (NFD) would silently be one series; instead every name is
    /// normalised to NFC, a name that was not is reported with a warning, and two spellings of one
    /// name in one label — two benchmarks that would be averaged — are an error.
    private mutating func canonicalName(
        _ name: String, file: String, line: Int?, context: inout IngestContext
    ) throws(InputError) -> String {
        var contiguous = name
        if contiguous.withUTF8(Bytes.isASCII) { return name }
        let normalised = name.precomposedStringWithCanonicalMapping
        let location = SourceLocation(file: file, line: line, field: "benchmark")
        if let first = spellings[normalised] {
            if !first.bytes.elementsEqual(name.utf8) {
                throw InputError(
                    .malformedLine, at: location,
                    "benchmark \"\(normalised)\" is spelled here with other Unicode code points than at "
                        + "\(first.at) (the two names differ only in Unicode normalisation, NFC/NFD); they would be "
                        + "merged into one series: write both names the same way")
            }
            return normalised
        }
        spellings[normalised] = (Array(name.utf8), location)
        if !normalised.utf8.elementsEqual(name.utf8) {
            context.warn(
                location,
                "the benchmark name is not in Unicode NFC (composed) form; it is compared as its NFC form, so a "
                    + "name that differs from it only in normalisation in another label is the same benchmark")
        }
        return normalised
    }

    fileprivate struct SeriesBuilder {
        let benchmark: BenchmarkIdentity
        let unit: MeasurementUnit
        let mode: MeasurementMode
        let firstSeen: SourceLocation
        /// The runs, once there is more than one sample or a sample with an iteration.
        var runs: [BenchmarkRun] = []
        /// The first sample and its line, while it is the only one, has no iteration and belongs
        /// to the run of the file it was read in (`firstRunKey`, `firstFile`): `runs` is then
        /// empty, and a series of one sample allocates no arrays (`SeriesRuns` holds it inline).
        var oneSample: (value: Double, line: Int?)?
        /// The key of `runs[0]`; the keys of the later runs, in order, while there are at most
        /// `linearRuns` of them (searched one by one: a label of 10 run files gives a series 10 runs,
        /// and a dictionary per series cost more than its search); beyond that, run key → position
        /// in `runs` (most series have one run: nothing is allocated for them).
        var firstRunKey = -1
        var laterRunKeys: [Int] = []
        var runIndex: [Int: Int] = [:]
        static let linearRuns = 16
        /// The most runs (and later files) a series reserves room for before it has them.
        static let reservedRuns = 64
        /// The position in `runs` of the run last appended to, and its key (-1: none yet).
        var lastRun = -1
        var lastRunKey = -1
        /// The files (indices into `filePaths`) this series has samples in: the first, the last,
        /// and those after the first (most series are in one file: no array is allocated).
        var firstFile = -1
        var lastFile = -1
        var laterFiles: [Int] = []
        /// The position of the next series with the same name (another base unit), or -1.
        var nextOfName = -1

        init(benchmark: BenchmarkIdentity, unit: MeasurementUnit, mode: MeasurementMode, firstSeen: SourceLocation) {
            self.benchmark = benchmark
            self.unit = unit
            self.mode = mode
            self.firstSeen = firstSeen
        }
    }

    /// Starts a new file: later samples without an explicit run belong to the run named `path`.
    mutating func beginFile(_ path: String) {
        // Messages and run names show the path; a name that is not UTF-8 is shown escaped (`BytePath`).
        let shown = BytePath.display(path)
        currentFile = shown
        filePaths.append(shown)
        if let known = fileRunKeys[ExactText(path)] {
            currentFileRun = known
        } else {
            currentFileRun = runNames.count
            runNames.append(shown)
            fileRunKeys[ExactText(path)] = currentFileRun
        }
    }

    /// The key of the run named `id` by an explicit `run` field.
    mutating func runKey(_ id: String) -> Int {
        if let known = runKeys[id] { return known }
        let key = runNames.count
        runNames.append(id)
        runKeys[id] = key
        return key
    }

    /// The table of resolved JSON Lines lines of this label's earlier files, moved out for the
    /// loader to use and extend (`keepResolvedLines(_:)` puts it back).
    mutating func takeResolvedLines() -> ResolvedSeriesTable {
        let table = resolvedLines
        resolvedLines = ResolvedSeriesTable()
        return table
    }

    /// Puts back the table `takeResolvedLines()` handed out, extended by the file just read.
    mutating func keepResolvedLines(_ table: ResolvedSeriesTable) {
        resolvedLines = table
    }

    /// Records the metadata of the file just read.
    mutating func endFile(_ metadata: FileMetadata) {
        files.append(metadata)
    }

    /// The series for (`name`, `unit.baseUnit`), created on first use, with `parameters` — or, when
    /// `parametersFromName` is given, parameters that rule parses from the name on demand.
    ///
    /// - Throws: `conflictingMode` when the series exists with another mode.
    mutating func series(
        name: String, parameters: @autoclosure () -> [KeyValue] = [],
        parametersFromName: (@Sendable (String) -> [KeyValue])? = nil, unit: MeasurementUnit,
        mode explicit: MeasurementMode?, line: Int?, context: inout IngestContext
    ) throws(InputError) -> Int {
        let file = currentFile
        let name = try canonicalName(name, file: file, line: line, context: &context)
        let mode = context.resolveMode(
            explicit: explicit, unit: unit, at: SourceLocation(file: file, line: line, field: "unit"))
        // The last series of this name, to link a new one after.
        var lastOfName = -1
        let hash = NameIndex.hash(name)
        var next = index.find(hash: hash) { builders[$0].benchmark.name == name } ?? -1
        while next >= 0 {
            if builders[next].unit.baseUnit == unit.baseUnit { break }
            lastOfName = next
            next = builders[next].nextOfName
        }
        if next >= 0 {
            // Read in place: copying the builder would retain its arrays.
            if builders[next].mode != mode {
                throw InputError(
                    .conflictingMode, at: SourceLocation(file: file, line: line, field: "mode"),
                    "benchmark \"\(name)\" in \(unit.baseUnit) is \(mode.rawValue) here but "
                        + "\(builders[next].mode.rawValue) at \(builders[next].firstSeen)")
            }
            return next
        }
        if Self.containsReplacementCharacter(name) {
            context.warn(
                SourceLocation(file: file, line: line, field: "benchmark"),
                "the benchmark name holds U+FFFD, the mark of bytes that are not UTF-8 (or of a lone \\u "
                    + "surrogate); names that differ only in such bytes are the same benchmark here")
        }
        let position = builders.count
        builders.append(
            SeriesBuilder(
                benchmark: parametersFromName.map { BenchmarkIdentity(name: name, parsingParametersWith: $0) }
                    ?? BenchmarkIdentity(name: name, parameters: parameters()), unit: unit, mode: mode,
                firstSeen: SourceLocation(displayedFile: file, line: line)))
        if lastOfName >= 0 {
            builders[lastOfName].nextOfName = position
        } else {
            index.insert(hash: hash, position: position)
        }
        return position
    }

    /// Moves the sample series `series` holds inline, if any, into a run with room for `room`
    /// values: the run of the file it was read in, named by that file's path.
    private mutating func promoteOneSample(of series: Int, room: Int) {
        guard let held = builders[series].oneSample else { return }
        builders[series].promoteOneSample(
            id: inlineID(series), source: inlineSource(series, line: held.line), room: room)
    }

    /// The run name of the sample series `series` holds inline: its file's path.
    private func inlineID(_ series: Int) -> String { runNames[builders[series].firstRunKey] }

    /// Where the sample series `series` holds inline was read.
    private func inlineSource(_ series: Int, line: Int?) -> SourceLocation {
        SourceLocation(displayedFile: filePaths[builders[series].firstFile], line: line)
    }

    /// Whether `name` holds U+FFFD (UTF-8 `EF BF BD`), the mark of repaired bytes.
    private static func containsReplacementCharacter(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            guard bytes.count >= 3, let base = bytes.baseAddress else { return false }
            // `memchr` finds each 0xEF (none in an ASCII name) instead of a loop over every byte.
            var from = 0
            while from < bytes.count - 2,
                let found = memchr(base + from, 0xEF, bytes.count - 2 - from)
            {
                let i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if bytes[i + 1] == 0xBF && bytes[i + 2] == 0xBD { return true }
                from = i + 1
            }
            return false
        }
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
        let key = run.map { runKey($0) } ?? currentFileRun
        try append(
            raw, unit: unit, series: series, runKey: key, line: line, field: field, file: file, iteration: iteration)
    }

    /// `append(_:unit:series:run:line:field:file:iteration:)` with the run given by its key
    /// (`runKey(_:)`, or `currentFileRun`).
    mutating func append(
        _ raw: Double, unit: MeasurementUnit, series: Int, runKey: Int, line: Int?, field: @autoclosure () -> String?,
        file: String? = nil, iteration: Int? = nil
    ) throws(InputError) {
        if iteration == nil, appendIfPlain(raw, scale: unit.scale, series: series, runKey: runKey) { return }
        let sourceFile = file ?? currentFile
        let value = try Self.validated(raw, unit: unit, file: sourceFile, line: line, field: field())
        let fileIndex = filePaths.count - 1
        // A new run expects as many values as the run created last (`go test -count N` gives
        // every run N), so that its array is allocated once.
        let expected = lastNewRun.series >= 0 ? builders[lastNewRun.series].valueCount(ofRun: lastNewRun.run) : 1
        let runCount = builders[series].runCount
        let expectedCount = min(max(expected, 1), 1024)
        promoteOneSample(of: series, room: expectedCount)
        let consistent = builders[series].append(
            value, runKey: runKey, runName: runNames[runKey], fileIndex: fileIndex, iteration: iteration,
            expectedCount: expectedCount, expectedRuns: expectedFiles,
            // Inline only where a run seems to get one sample (the run created last got one): where
            // runs get N (`go test -count N`), the array is made at its size at once instead.
            inline: file == nil && runKey == currentFileRun && expectedCount == 1, line: line
        ) {
            file == nil
                ? SourceLocation(displayedFile: sourceFile, line: line) : SourceLocation(file: sourceFile, line: line)
        }
        if builders[series].runCount > runCount {
            lastNewRun = (series, runCount)
            lastNewRunExpected = expectedCount
        }
        if !consistent {
            let runID = runNames[runKey]
            throw InputError(
                .missingField, at: SourceLocation(file: sourceFile, line: line, field: "iteration"),
                iteration == nil
                    ? "missing field \"iteration\": earlier samples of run \"\(runID)\" carry one"
                    : "field \"iteration\" given here but not on earlier samples of run \"\(runID)\"")
        }
    }

    /// The fast path of `append`: appends a sample without an iteration when its value is plainly
    /// valid (> 0, and finite and non-zero once scaled) and it continues the run last appended to
    /// in `series`. Returns false, having changed nothing, otherwise; the caller then takes the
    /// checked path, which gives the same result or the error.
    @inline(__always)
    mutating func appendIfPlain(_ raw: Double, scale: Double, series: Int, runKey: Int) -> Bool {
        let value = raw * scale
        guard raw > 0, value.isFinite, value != 0 else { return false }
        if builders[series].oneSample != nil {
            guard builders[series].lastRunKey == runKey else { return false }
            promoteOneSample(of: series, room: lastNewRun.series == series ? lastNewRunExpected : 1)
        }
        return builders[series].appendToLastRun(
            value, runKey: runKey, fileIndex: filePaths.count - 1, expectedFiles: expectedFiles)
    }

    /// Checks a value and converts it to the base unit.
    @inline(__always)
    static func validated(
        _ raw: Double, unit: MeasurementUnit, file: String, line: Int?, field: @autoclosure () -> String?
    ) throws(InputError) -> Double {
        let value = raw * unit.scale
        if raw > 0, value.isFinite, value != 0 { return value }
        return try checkedValue(raw, unit: unit, file: file, line: line, field: field())
    }

    /// The slow path of `validated`: zero, and every value that is rejected, with its message.
    private static func checkedValue(
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
    ///   Benchmarks are checked in first-seen order.
    /// The label's series. A series that got no sample (criterion `iters: []`, hyperfine
    /// `times: []`, pyperf `runs: []`) is left out with a warning naming where it was declared, so
    /// that the benchmark is missing on this side instead of failing the statistics.
    mutating func finish(context: inout IngestContext) throws(InputError) -> LabelData {
        // The table of resolved lines is of no further use: freed before the series are built (at a
        // million names it held ~35 MB, which would add to the peak).
        resolvedLines = ResolvedSeriesTable()
        for position in builders.indices where builders[position].nextOfName >= 0 {
            // Only from the first series of a name: no earlier series links to it.
            let name = builders[position].benchmark.name
            guard index.find(hash: NameIndex.hash(name), isName: { builders[$0].benchmark.name == name }) == position
            else { continue }
            var positions: [Int] = []
            var next = position
            while next >= 0 {
                positions.append(next)
                next = builders[next].nextOfName
            }
            try checkUnits(name: name, positions: positions)
        }
        // Nor is the index of names, from here.
        index = NameIndex()
        var series: [BenchmarkSeries] = []
        series.reserveCapacity(builders.count)
        for position in builders.indices {
            // Each chunk of builders is freed once its last series is built, not at the end: the
            // series and the builders they came from do not all coexist.
            defer { builders.freeChunk(ifLastAt: position) }
            guard builders[position].hasSamples else {
                context.warn(
                    builders[position].firstSeen,
                    "benchmark \"\(builders[position].benchmark.name)\" has no samples here; it is left out of label "
                        + "\"\(label)\" (missing on this side)")
                continue
            }
            let runs =
                builders[position].oneSample.map {
                    SeriesRuns(
                        oneSample: $0.value, id: inlineID(position), source: inlineSource(position, line: $0.line))
                }
                ?? builders[position].takeTrimmedRuns()
            series.append(
                BenchmarkSeries(
                    benchmark: builders[position].benchmark, unit: builders[position].unit,
                    mode: builders[position].mode, storedRuns: runs))
        }
        builders = ChunkedArray()
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
    /// The files this series has samples in, in order.
    var fileIndices: [Int] { firstFile < 0 ? [] : [firstFile] + laterFiles }

    /// Notes that the series has a sample in file `fileIndex`; the first later file reserves room
    /// for the rest of the `expectedFiles`.
    @inline(__always)
    private mutating func noteFile(_ fileIndex: Int, expectedFiles: Int) {
        guard lastFile != fileIndex else { return }
        if firstFile < 0 {
            firstFile = fileIndex
        } else {
            if laterFiles.isEmpty { laterFiles.reserveCapacity(min(expectedFiles - 1, Self.reservedRuns)) }
            laterFiles.append(fileIndex)
        }
        lastFile = fileIndex
    }

    /// Appends `value` to the run last appended to when that run is `runKey` and carries no
    /// iterations; false, appending nothing, otherwise.
    @inline(__always)
    fileprivate mutating func appendToLastRun(_ value: Double, runKey: Int, fileIndex: Int, expectedFiles: Int) -> Bool
    {
        guard lastRunKey == runKey, oneSample == nil, runs[lastRun].iterations == nil else { return false }
        noteFile(fileIndex, expectedFiles: expectedFiles)
        runs[lastRun].values.append(value)
        return true
    }

    /// Moves the sample held inline into `runs`, as the run named `id` read at `source`, with room
    /// for `room` values (at least 2: a second is about to come).
    fileprivate mutating func promoteOneSample(id: String, source: SourceLocation, room: Int) {
        guard let (value, _) = oneSample else { return }
        oneSample = nil
        var values: [Double] = []
        values.reserveCapacity(max(room, 2))
        values.append(value)
        runs = [BenchmarkRun(id: id, values: values, source: source)]
    }

    /// The number of runs.
    var runCount: Int { oneSample == nil ? runs.count : 1 }

    /// Whether some run has a sample.
    var hasSamples: Bool { oneSample != nil || runs.contains { !$0.values.isEmpty } }

    /// The number of values of run `run`.
    func valueCount(ofRun run: Int) -> Int { oneSample == nil ? runs[run].values.count : 1 }

    /// Appends `value` (and `iteration`) to its run; false, appending nothing, when the run's
    /// earlier samples disagree about carrying an iteration. A new run reserves room for
    /// `expectedCount` values; the second run of a series, room for `expectedRuns` runs (at most
    /// `reservedRuns`).
    fileprivate mutating func append(
        _ value: Double, runKey: Int, runName: @autoclosure () -> String, fileIndex: Int, iteration: Int?,
        expectedCount: Int, expectedRuns: Int, inline: Bool, line: Int?, location: () -> SourceLocation
    ) -> Bool {
        noteFile(fileIndex, expectedFiles: expectedRuns)
        var position = -1
        if lastRun >= 0, lastRunKey == runKey {
            position = lastRun
        } else if let existing = runKey == firstRunKey ? 0 : laterRun(runKey) {
            lastRun = existing
            lastRunKey = runKey
            position = existing
        }
        guard position >= 0 else {
            lastRun = runs.count
            lastRunKey = runKey
            if runs.isEmpty {
                firstRunKey = runKey
            } else if runIndex.isEmpty, laterRunKeys.count < Self.linearRuns {
                if laterRunKeys.isEmpty {
                    let room = min(expectedRuns, Self.reservedRuns)
                    runs.reserveCapacity(room)
                    laterRunKeys.reserveCapacity(min(room - 1, Self.linearRuns))
                }
                laterRunKeys.append(runKey)
            } else {
                if runIndex.isEmpty {
                    for (offset, key) in laterRunKeys.enumerated() { runIndex[key] = offset + 1 }
                    laterRunKeys = []
                }
                runIndex[runKey] = runs.count
            }
            if runs.isEmpty, iteration == nil, inline {
                // Held inline until a second sample comes (most never do at one sample a benchmark).
                oneSample = (value, line)
                return true
            }
            // One value (a series of one sample) is an array literal, allocated at its size at once:
            // an empty array's first append or reservation goes through the general path that grows
            // a buffer (~350 instructions, twice a series at a million one-sample benchmarks).
            var values: [Double]
            if expectedCount > 1 {
                values = []
                values.reserveCapacity(expectedCount)
                values.append(value)
            } else {
                values = [value]
            }
            // Built where it is stored (a local run was copied into the array, then destroyed).
            if runs.isEmpty {
                runs = [
                    BenchmarkRun(id: runName(), values: values, source: location(), iterations: iteration.map { [$0] })
                ]
            } else {
                runs.append(
                    BenchmarkRun(id: runName(), values: values, source: location(), iterations: iteration.map { [$0] }))
            }
            return true
        }
        guard (iteration == nil) == (runs[position].iterations == nil) else { return false }
        runs[position].values.append(value)
        if let iteration { runs[position].iterations?.append(iteration) }
        return true
    }

    /// The position in `runs` of the later run with key `runKey`, or nil.
    private func laterRun(_ runKey: Int) -> Int? {
        if !runIndex.isEmpty { return runIndex[runKey] }
        return laterRunKeys.firstIndex(of: runKey).map { $0 + 1 }
    }

    /// The runs, moved out of the builder, with the room reserved beyond a run's values given back
    /// when it is more than an eighth of them: an interleaved file gives every new run room for one
    /// value (the run created before it has one so far), so its arrays grow by doubling — 20 values
    /// in room for 32. Moved, not copied: the builder is left without runs, and each array that is
    /// trimmed is freed as its exact copy is made.
    mutating func takeTrimmedRuns() -> SeriesRuns {
        // The runs array too: room reserved for runs that never came (a series in 2 of 10 files).
        var trimmed = Self.exactIfRoomy(runs)
        runs = []
        for position in trimmed.indices {
            trimmed[position].values = Self.exactIfRoomy(trimmed[position].values)
        }
        return SeriesRuns(trimmed)
    }

    /// `array` in an allocation of its size when it holds more than an eighth (+ 2) of spare room,
    /// else `array` itself.
    private static func exactIfRoomy<Element>(_ array: [Element]) -> [Element] {
        guard array.capacity > array.count + array.count / 8 + 2 else { return array }
        var exact: [Element] = []
        exact.reserveCapacity(array.count)
        exact.append(contentsOf: array)
        return exact
    }
}

/// A number as a person would write it in a message (`-1`, `0`, `1e+308`, `0.5`).
func formatNumber(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
        return String(Int64(value))
    }
    return "\(value)"
}
