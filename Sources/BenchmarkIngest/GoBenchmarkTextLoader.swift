import BenchmarkModel

/// Loads Go benchmark text (`go test -bench` output; golang.org/x/perf/benchfmt) into a label.
///
/// Each value/unit pair of a result line becomes a sample of the series (name, unit), so
/// `ns/op`, `B/op`, `allocs/op` and `MB/s` of one line land in four series. The name is kept in
/// full (with `Benchmark` and the `-GOMAXPROCS` suffix, as benchfmt's `.fullname`); its
/// `/key=value` parts and the GOMAXPROCS suffix become the identity's parameters. Configuration
/// lines are kept, in order, as the file's metadata. The whole file is one run.
///
/// A file with results under two or more `pkg:` values (`go test ./...` of several packages) names
/// each series `<pkg>.<name>` (`example.com/a.BenchmarkParse-8`), as Go's benchstat keeps the
/// configurations apart: otherwise one package's `BenchmarkParse` would be averaged with another's.
/// A file with one package keeps the plain names.
enum GoBenchmarkTextLoader {
    /// What one value/unit position of a name's last result line resolved to: the unit (a position
    /// in the file's table of units) and the series.
    private struct CachedPair {
        var unit: Int
        var series: Int
    }

    /// A unit met in the file: the bytes it was first written with, and what they parse to.
    private struct KnownUnit {
        var bytes: ByteKey
        var unit: MeasurementUnit
    }

    /// A name met in the file: where its pairs (one per value/unit position of its last line) lie
    /// in the file's one array of pairs. 16 bytes a name; its `String` is made again from the line's
    /// bytes when a new unit needs a series (at 20,000 names a side, a `String`, an array and a
    /// `ByteKey` per name were ~11 MB of the peak).
    private struct KnownName {
        var start: Int
        var count: Int
    }

    /// The distinct non-empty `pkg:` values of the file, in first-seen order, up to two (enough to
    /// know whether the names need their package); the reader is rewound afterwards.
    private static func packages(_ reader: LineReader) throws(InputError) -> [String] {
        var packages: [String] = []
        var scratch = GoBenchmarkTextReader.MeasurementList()
        while packages.count < 2, let (start, end) = try reader.nextLine() {
            let buffer = reader.bytes
            guard end - start > 4, buffer[start] == UInt8(ascii: "p"), Bytes.hasPrefix(buffer, start, end, "pkg:")
            else { continue }
            // Only a configuration line can start with `pkg:`; a malformed one is reported by the real pass.
            if case .configuration("pkg", let value)? = try? GoBenchmarkTextReader.parseLine(
                buffer, start, end, fileName: reader.path, line: 0, into: &scratch),
                !value.isEmpty, !packages.contains(value)
            {
                packages.append(value)
            }
        }
        try reader.rewind()
        return packages
    }

    /// Reads the file line by line from `reader`.
    ///
    /// Consecutive result lines with the same name and units (the usual `-count N` output) reuse
    /// the previous line's series by comparing bytes, so such a line costs a scan and an append; a
    /// name met earlier in the file (an interleaved file) is found by its bytes in a `ByteNameTable`
    /// with the series of its units, so such a line costs a hash, a `memcmp` and an append.
    static func load(
        _ reader: LineReader, into label: inout LabelAccumulator, context: inout IngestContext
    ) throws(InputError) -> FileMetadata {
        let file = reader.path
        var entries: [KeyValue] = []
        // The file's units: written form (byte for byte, `ExactText`) → position in `unitTable`.
        var unitPositions: [ExactText: Int] = [:]
        var unitTable: [KnownUnit] = []
        var lastName = ByteKey()
        // The current name's `String`, made when a new unit first needs it.
        var name: String?
        // Every name met in this file (under its package), with its line layout: an interleaved
        // file (the whole suite once per `-count`) finds the name again by its bytes.
        var known = ByteNameTable<KnownName>()
        var pairs: [CachedPair] = []
        var current = -1
        // The current name's pairs: `pairs[cachedStart ..< cachedStart + cachedCount]`.
        var cachedStart = 0
        var cachedCount = 0
        var packageTags: [String: Int] = [:]
        var packageTag = 0
        var measurements = GoBenchmarkTextReader.MeasurementList()
        // The series each measurement of the current line went to, in order (`repeatedQuantity`):
        // `seriesOfLine[..<position]`, overwritten line by line.
        var seriesOfLine: [Int] = []
        func take(_ series: Int, at position: Int) -> Int? {
            // A line of one measurement (the usual `ns/op` alone) has nothing to repeat.
            guard measurements.count > 1 else { return nil }
            for earlier in 0..<position where seriesOfLine[earlier] == series { return earlier }
            if position < seriesOfLine.count { seriesOfLine[position] = series } else { seriesOfLine.append(series) }
            return nil
        }
        var results = 0
        var lastResultLine = 0
        var lineNumber = 0
        let run = label.currentFileRun
        let qualifyByPackage = try packages(reader).count > 1
        var package = ""
        while let (start, end) = try reader.nextLine() {
            lineNumber += 1
            let buffer = reader.bytes
            // The usual line: a result with the previous result's name, known without scanning it.
            var stop = end
            if stop > start, buffer[stop - 1] == Bytes.carriageReturn { stop -= 1 }
            let nameEnd: Int
            if let sameNameEnd = lastName.fieldEnd(buffer, start, stop) {
                nameEnd = sameNameEnd
                _ = try GoBenchmarkTextReader.parseResult(
                    buffer, nameEnd: nameEnd, stop, fileName: file, line: lineNumber, into: &measurements)
            } else {
                switch try GoBenchmarkTextReader.parseLine(
                    buffer, start, end, fileName: file, line: lineNumber, into: &measurements)
                {
                case .ignored:
                    continue
                case .configuration(let key, let value):
                    if !value.isEmpty { entries.append(KeyValue(key, value)) }
                    if qualifyByPackage, key == "pkg", value != package {
                        // The next result starts a series of the new package, even with the same name.
                        package = value
                        if let tag = packageTags[value] {
                            packageTag = tag
                        } else {
                            packageTag = packageTags.count + 1
                            packageTags[value] = packageTag
                        }
                        lastName.clear()
                    }
                    continue
                case .result(let resultNameEnd, _):
                    nameEnd = resultNameEnd
                    if !lastName.equals(buffer, start, nameEnd) {
                        lastName.set(buffer, start, nameEnd)
                        name = nil
                        // An interleaved file repeats the suite's order: try the next name first.
                        let next = current + 1 < known.count ? current + 1 : 0
                        if let found = known.find(buffer, start, nameEnd, tag: packageTag, guess: next) {
                            current = found
                        } else {
                            current = known.insert(
                                buffer, start, nameEnd, tag: packageTag, value: KnownName(start: pairs.count, count: 0))
                        }
                        cachedStart = known[current].start
                        cachedCount = known[current].count
                    }
                }
            }
            results += 1
            lastResultLine = lineNumber
            for position in 0..<measurements.count {
                let measurement = measurements[position]
                if position < cachedCount {
                    let pair = pairs[cachedStart + position]
                    if unitTable[pair.unit].bytes.equals(buffer, measurement.unitStart, measurement.unitEnd) {
                        if let earlier = take(pair.series, at: position) {
                            throw repeatedQuantity(
                                measurements[earlier], measurement, buffer, file: file, line: lineNumber)
                        }
                        if label.appendIfPlain(
                            measurement.value, scale: unitTable[pair.unit].unit.scale, series: pair.series, runKey: run)
                        {
                            continue
                        }
                        let unit = unitTable[pair.unit].unit
                        try label.append(
                            measurement.value, unit: unit, series: pair.series, runKey: run, line: lineNumber,
                            field: unit.written)
                        continue
                    }
                }
                let written = Bytes.string(buffer, measurement.unitStart, measurement.unitEnd)
                let unitPosition: Int
                if let known = unitPositions[ExactText(written)] {
                    unitPosition = known
                } else {
                    var bytes = ByteKey()
                    bytes.set(buffer, measurement.unitStart, measurement.unitEnd)
                    unitPosition = unitTable.count
                    unitTable.append(KnownUnit(bytes: bytes, unit: MeasurementUnit.parse(written)))
                    unitPositions[ExactText(written)] = unitPosition
                }
                let unit = unitTable[unitPosition].unit
                let seriesName: String
                if let name {
                    seriesName = name
                } else {
                    let plain = Bytes.string(buffer, start, nameEnd)
                    seriesName = qualifyByPackage && !package.isEmpty ? package + "." + plain : plain
                    name = seriesName
                }
                let prefixLength = qualifyByPackage && !package.isEmpty ? package.count + 1 : 0
                let series = try label.series(
                    name: seriesName,
                    parametersFromName: prefixLength == 0
                        ? GoBenchmarkName.parameters
                        : { GoBenchmarkName.parameters(String($0.dropFirst(prefixLength))) },
                    unit: unit, mode: nil,
                    line: lineNumber, context: &context)
                if let earlier = take(series, at: position) {
                    throw repeatedQuantity(measurements[earlier], measurement, buffer, file: file, line: lineNumber)
                }
                try label.append(
                    measurement.value, unit: unit, series: series, runKey: run, line: lineNumber, field: written)
                let entry = CachedPair(unit: unitPosition, series: series)
                if position < cachedCount {
                    pairs[cachedStart + position] = entry
                } else {
                    // The positions are taken in order, so `position == cachedCount`: the name's pairs
                    // grow by one, moved to the end of `pairs` first unless they are there already.
                    if cachedStart + cachedCount != pairs.count {
                        let moved = Array(pairs[cachedStart..<(cachedStart + cachedCount)])
                        cachedStart = pairs.count
                        pairs.append(contentsOf: moved)
                    }
                    pairs.append(entry)
                    cachedCount += 1
                    known[current] = KnownName(start: cachedStart, count: cachedCount)
                }
            }
        }
        if results == 0 {
            throw InputError(
                .noResults, at: SourceLocation(file: file),
                "no benchmark result lines (expected lines like \"BenchmarkName-8  1000  123 ns/op\")")
        }
        // `go test` ends its output with a newline (and `ok`/`PASS`): a result on a last line without
        // one was probably cut short mid-write, and may have lost measurements.
        if !reader.lastLineTerminated, lastResultLine == lineNumber {
            context.warn(
                SourceLocation(file: file, line: lastResultLine),
                "the file ends inside this result line (no final newline): was it cut short? Its measurements "
                    + "may be incomplete")
        }
        return FileMetadata(path: file, format: InputFormat.goBenchmarkText.rawValue, entries: entries)
    }

    /// Two measurements of one result line that went to one series: a unit repeated
    /// (`5 ns/op 7 ns/op`) or two spellings of one quantity (`5 ns/op 0.005 us/op`) would add two
    /// samples of one iteration, and which one is the measurement is ambiguous. Checked by series,
    /// on every line, whether its units came from the file's cache or not.
    private static func repeatedQuantity(
        _ first: GoBenchmarkTextReader.Measurement, _ second: GoBenchmarkTextReader.Measurement,
        _ buffer: UnsafeRawBufferPointer, file: String, line: Int
    ) -> InputError {
        let firstUnit = Bytes.string(buffer, first.unitStart, first.unitEnd)
        let secondUnit = Bytes.string(buffer, second.unitStart, second.unitEnd)
        let values = "(\(formatNumber(first.value)) and \(formatNumber(second.value)))"
        if firstUnit == secondUnit {
            return .malformed(
                file, line: line,
                "unit \"\(firstUnit)\" appears twice on this result line \(values); which one is the measurement is "
                    + "ambiguous")
        }
        return .malformed(
            file, line: line,
            "units \"\(firstUnit)\" and \"\(secondUnit)\" measure the same quantity on this result line \(values); "
                + "which one is the measurement is ambiguous")
    }
}

/// The parts of a Go benchmark name, as golang.org/x/perf/benchfmt's `Name.Parts` splits them.
enum GoBenchmarkName {
    /// `/key=value` parts as parameters, then the `-N` GOMAXPROCS suffix as `gomaxprocs`.
    /// Positional parts (`/100`) are left in the name only.
    ///
    /// Parts are split at the characters `/` and `=`: for an ASCII name (the usual case) at those
    /// bytes, otherwise by `Character` (a `/` joined to a combining mark is not a separator).
    static func parameters(_ fullName: String) -> [KeyValue] {
        var name = fullName
        let ascii: [KeyValue]? = name.withUTF8 { bytes in Bytes.isASCII(bytes) ? asciiParameters(bytes) : nil }
        return ascii ?? characterParameters(fullName)
    }

    /// `parameters(_:)` of an ASCII name, split at bytes.
    private static func asciiParameters(_ bytes: UnsafeBufferPointer<UInt8>) -> [KeyValue] {
        func string(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        // A trailing `-<digits>` is GOMAXPROCS (benchfmt's `splitGomaxprocs`).
        var prefixEnd = bytes.count
        var gomaxprocs: String?
        var index = bytes.count
        while index > 0 {
            let byte = bytes[index - 1]
            if byte == UInt8(ascii: "-"), index < bytes.count {
                prefixEnd = index - 1
                gomaxprocs = string(index, bytes.count)
                break
            }
            guard byte >= 0x30, byte <= 0x39 else { break }
            index -= 1
        }
        var parameters: [KeyValue] = []
        // Parts after the first `/`; a part `key=value` (key not empty) splits at its first `=`.
        var position = 0
        while position < prefixEnd, bytes[position] != UInt8(ascii: "/") { position += 1 }
        while position < prefixEnd {
            let partStart = position + 1
            var equals = -1
            position = partStart
            while position < prefixEnd, bytes[position] != UInt8(ascii: "/") {
                if equals < 0, bytes[position] == UInt8(ascii: "=") { equals = position }
                position += 1
            }
            if equals > partStart {
                parameters.append(KeyValue(string(partStart, equals), string(equals + 1, position)))
            }
        }
        if let gomaxprocs { parameters.append(KeyValue("gomaxprocs", gomaxprocs)) }
        return parameters
    }

    /// `parameters(_:)` for any name, splitting by `Character`.
    private static func characterParameters(_ fullName: String) -> [KeyValue] {
        let (prefix, gomaxprocs) = splitGomaxprocs(fullName)
        var parameters: [KeyValue] = []
        for part in prefix.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            if let equals = part.firstIndex(of: "="), equals != part.startIndex {
                parameters.append(KeyValue(String(part[..<equals]), String(part[part.index(after: equals)...])))
            }
        }
        if let gomaxprocs { parameters.append(KeyValue("gomaxprocs", gomaxprocs)) }
        return parameters
    }

    /// Splits a trailing `-<digits>` off, as benchfmt's `splitGomaxprocs`.
    static func splitGomaxprocs(_ name: String) -> (prefix: Substring, gomaxprocs: String?) {
        let utf8 = name.utf8
        var index = utf8.endIndex
        var sawDigit = false
        while index > utf8.startIndex {
            let previous = utf8.index(before: index)
            let byte = utf8[previous]
            if byte == UInt8(ascii: "-") && sawDigit {
                let prefix = name[..<previous]
                return (prefix, String(name[utf8.index(after: previous)...]))
            }
            guard byte >= 0x30 && byte <= 0x39 else { break }
            sawDigit = true
            index = previous
        }
        return (name[...], nil)
    }
}
