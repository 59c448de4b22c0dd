import BenchmarkModel
import Foundation

/// Recognises an input's format from its content, never from its extension alone.
///
/// Rules, in order (after an optional UTF-8 byte-order mark and leading whitespace):
/// - a directory holding `<bench>/new/sample.json` (or under `base/`, or one or two levels
///   deeper) is a criterion.rs directory;
/// - gzip data is refused with a hint (pyperf's `.json.gz`);
/// - JSON whose first line is an object with a `benchmark` or `value` key is canonical JSON Lines;
/// - other JSON is classified by its top-level keys: `context` + `benchmarks` → Google Benchmark;
///   `results` with `command`/`times` → hyperfine; `machine_info`, or `benchmarks` with `stats`
///   → pytest-benchmark; `benchmarks` with `runs` (pyperf writes `version` too) → pyperf;
/// - `# callgrind format`, or a `key: value` header holding `events:` → callgrind (when
///   `creator:` names callgrind or the header has callgrind-only keys) or cachegrind;
/// - a first line of comma-separated names including `benchmark` and `value` → canonical CSV;
/// - any `Benchmark…` result line or `key: value` configuration line → Go benchmark text.
public enum InputFormatDetector {
    /// The format of the file or directory at `path`.
    ///
    /// - Throws: `unreadableFile`, `emptyFile`, `unknownFormat` or, for broken JSON,
    ///   `malformedLine`.
    public static func detect(path: String) throws(InputError) -> InputFormat {
        if CriterionLoader.isCriterionDirectory(path) { return .criterionDirectory }
        switch try detect(path: path, streaming: true) {
        case .streamable(let format): return format
        case .whole(_, let format, _): return format
        }
    }

    /// What `detect(path:streaming:)` found.
    enum Detection {
        /// A line-based format (JSON Lines, CSV, Go text), to be read line by line.
        case streamable(InputFormat)
        /// Any format, with the whole file read (and the JSON document when it is one).
        case whole(InputFile, InputFormat, JSONNode?)
    }

    /// How many bytes are read first to detect a line-based format without reading the whole file.
    static let prefixLength = 1 << 16

    /// The format of the file at `path`. When `streaming`, it is decided from the file's first
    /// `prefixLength` bytes whenever they settle it as a line-based format — exactly as the whole
    /// file would — so that such a file is never read whole; otherwise (and for every other format
    /// and every error) the whole file is read and examined.
    ///
    /// - Throws: what `detect(_:)` throws for the whole file.
    static func detect(path: String, streaming: Bool) throws(InputError) -> Detection {
        if streaming {
            let (prefix, isWholeFile) = try InputFile.readPrefix(path, limit: prefixLength)
            if !isWholeFile {
                let partial: InputFormat? = prefix.data.withUnsafeBytes { buffer in
                    // Any error here may be an artefact of the cut: the whole file decides.
                    guard let found = try? detect(buffer, file: path, partial: true) else { return nil }
                    return found.0
                }
                if let partial, partial.isLineBased { return .streamable(partial) }
            } else {
                let (format, document) = try detect(prefix)
                return format.isLineBased ? .streamable(format) : .whole(prefix, format, document)
            }
        }
        let input = try InputFile.read(path)
        let (format, document) = try detect(input)
        return format.isLineBased && streaming ? .streamable(format) : .whole(input, format, document)
    }

    /// The format of a file's content, with the parsed JSON document when the format is a JSON
    /// document (so that it is parsed once).
    static func detect(_ input: InputFile) throws(InputError) -> (format: InputFormat, document: JSONNode?) {
        let result: Result<(InputFormat, JSONNode?), InputError> = input.data.withUnsafeBytes { buffer in
            do throws(InputError) {
                // Not partial: a result is always found or an error thrown.
                guard let found = try detect(buffer, file: input.path, partial: false) else {
                    throw InputError(.unknownFormat, at: SourceLocation(file: input.path), "unknown input format")
                }
                return .success(found)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The format of `buffer`. When `partial`, `buffer` is only the first bytes of the file: the
    /// examination stops at its last line break, and nil says that those lines do not settle the
    /// format as the whole file would (errors thrown then may be artefacts of the cut too).
    private static func detect(
        _ buffer: UnsafeRawBufferPointer, file: String, partial: Bool
    ) throws(InputError) -> (InputFormat, JSONNode?)? {
        var end = buffer.count
        if partial {
            while end > 0, buffer[end - 1] != Bytes.newline { end -= 1 }
            guard end > 0 else { return nil }
        }
        if end >= 2, buffer[0] == 0x1F, buffer[1] == 0x8B {
            throw InputError(
                .unknownFormat, at: SourceLocation(file: file),
                "the file is gzip-compressed (pyperf writes .json.gz); decompress it first (gunzip)")
        }
        if end >= 2, (buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF) {
            throw InputError(
                .unknownFormat, at: SourceLocation(file: file, line: 1),
                "the file is UTF-16 (PowerShell's `>` writes it); convert it to UTF-8 first")
        }
        var start = 0
        if end >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
        var lineNumber = 1
        while start < end, Bytes.isSpace(buffer[start]) {
            if buffer[start] == Bytes.newline { lineNumber += 1 }
            start += 1
        }
        guard start < end else {
            throw InputError(.emptyFile, at: SourceLocation(file: file), "the file is empty")
        }
        // No text format holds NUL bytes: refuse binary data (a core dump, a sparse or zeroed file)
        // at once instead of scanning it as lines.
        if partial, start + 4096 > end { return nil }
        let probeEnd = min(end, start + 4096)
        if let base = buffer.baseAddress, let nul = memchr(base + start, 0, probeEnd - start) {
            let offset = base.distance(to: UnsafeRawPointer(nul))
            var line = lineNumber
            for index in start..<offset where buffer[index] == Bytes.newline { line += 1 }
            throw InputError(
                .unknownFormat, at: SourceLocation(file: file, line: line),
                "binary data (a NUL byte at offset \(offset)), not a benchmark result file")
        }
        let firstLineEnd = Bytes.lineEnd(buffer, from: start, to: end)
        let (_, firstLineUpper) = Bytes.trim(buffer, start, firstLineEnd)
        let first = buffer[start]
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            var lineParser = JSONParser(buffer, file: file, start: start, end: firstLineUpper, line: lineNumber)
            if let node = try? lineParser.parseValue() {
                lineParser.skipWhitespace()
                if lineParser.isAtEnd, node["benchmark"] != nil || node["value"] != nil {
                    return (.canonicalJSONLines, nil)
                }
            }
            if partial { return nil }
            let document = try JSONParser.parseDocument(buffer, file: file)
            return (try classify(document, file: file), document)
        }
        if Bytes.hasPrefix(buffer, start, firstLineUpper, GitHubActionBenchmarkLoader.scriptPrefix) {
            if partial { return nil }
            let document = try JSONParser.parseDocument(
                buffer, file: file, start: start + GitHubActionBenchmarkLoader.scriptPrefix.utf8CodeUnitCount,
                line: lineNumber, trailingSemicolon: true)
            guard GitHubActionBenchmarkLoader.matches(document) else {
                throw InputError(
                    .unknownFormat, at: SourceLocation(file: file, line: lineNumber),
                    "window.BENCHMARK_DATA is not github-action-benchmark data (expected \"entries\" and "
                        + "\"lastUpdate\")")
            }
            return (.githubActionBenchmark, document)
        }
        if first == UInt8(ascii: "<") {
            if partial { return nil }
            let head = Bytes.string(buffer, start, min(end, start + 4096))
            if head.contains("<Catch") { return (.catch2XML, nil) }
            throw InputError(
                .unknownFormat, at: SourceLocation(file: file, line: lineNumber),
                "unknown input format: XML that is not Catch2's -r xml report (<Catch> or <Catch2TestRun>), found "
                    + "\"\(Bytes.excerpt(buffer, start, firstLineUpper))\"")
        }
        if Bytes.hasPrefix(buffer, start, firstLineUpper, "# callgrind format") { return (.callgrind, nil) }
        var headerRanOut = false
        let valgrind = valgrindHeader(buffer, start, end, ranOut: &headerRanOut)
        if partial, headerRanOut { return nil }
        if let valgrind { return (valgrind, nil) }
        // A header line is short; never copy a huge first line into a String just to test it.
        if firstLineUpper - start <= 65536, isCanonicalCSVHeader(Bytes.string(buffer, start, firstLineUpper)) {
            return (.canonicalCSV, nil)
        }
        if looksLikeBencher(buffer, start, end) {
            if partial { return nil }
            return (.bencherText, nil)
        }
        if looksLikeGo(buffer, start, end) { return (.goBenchmarkText, nil) }
        if partial { return nil }
        throw InputError(
            .unknownFormat, at: SourceLocation(file: file, line: lineNumber),
            "unknown input format: expected JSON Lines, CSV with a \"benchmark,…\" header, Go benchmark text, "
                + "Google Benchmark/hyperfine/pytest-benchmark/pyperf/BMF JSON, callgrind/cachegrind output, "
                + "Catch2 XML, bencher text or github-action-benchmark data; "
                + "found \"\(Bytes.excerpt(buffer, start, firstLineUpper))\"")
    }

    private static func classify(_ document: JSONNode, file: String) throws(InputError) -> InputFormat {
        guard case .object(let members) = document.value else {
            throw InputError(
                .unknownFormat, at: SourceLocation(file: file, line: document.line),
                "unknown JSON input: expected an object at the top level, found \(document.typeDescription)")
        }
        let firstBenchmark: JSONNode? = {
            guard let benchmarks = document["benchmarks"], case .array(let list) = benchmarks.value else { return nil }
            return list.first
        }()
        if document["context"] != nil, document["benchmarks"] != nil { return .googleBenchmarkJSON }
        if let results = document["results"], case .array(let list) = results.value,
            list.isEmpty || list.first?["command"] != nil || list.first?["times"] != nil
        {
            return .hyperfineJSON
        }
        if document["machine_info"] != nil || firstBenchmark?["stats"] != nil { return .pytestBenchmarkJSON }
        if firstBenchmark?["runs"] != nil || (document["version"] != nil && document["benchmarks"] != nil) {
            return .pyperfJSON
        }
        if GitHubActionBenchmarkLoader.matches(document) { return .githubActionBenchmark }
        if BencherMetricFormatLoader.matches(document) { return .bencherMetricFormat }
        let keys = members.prefix(8).map { "\"\($0.key)\"" }.joined(separator: ", ")
        throw InputError(
            .unknownFormat, at: SourceLocation(file: file, line: document.line),
            "unknown JSON input: an object with keys \(keys) matches no supported format (expected Google "
                + "Benchmark \"context\"+\"benchmarks\", hyperfine \"results\", pytest-benchmark \"machine_info\", "
                + "pyperf \"benchmarks\" with \"runs\", github-action-benchmark \"entries\", BMF {\"NAME\": {\"MEASURE\": "
                + "{\"value\": …}}}, or one JSON Lines sample per line with \"benchmark\")")
    }

    /// The leading `key: value` lines of a valgrind output file, if they include `events:`.
    /// `ranOut` is set when the header lines reach `end`.
    private static func valgrindHeader(
        _ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int, ranOut: inout Bool
    ) -> InputFormat? {
        var lineStart = start
        var sawEvents = false
        var callgrind = false
        var lines = 0
        var stopped = false
        while lineStart < end, lines < 64 {
            lines += 1
            let stop = Bytes.lineEnd(buffer, from: lineStart, to: end)
            defer { lineStart = stop + 1 }
            let (lower, upper) = Bytes.trim(buffer, lineStart, stop)
            if lower == upper { continue }
            if buffer[lower] == UInt8(ascii: "#") { continue }
            var i = lower
            while i < upper, buffer[i] != UInt8(ascii: ":"), buffer[i] != UInt8(ascii: "=") { i += 1 }
            guard i < upper, buffer[i] == UInt8(ascii: ":") else {
                stopped = true
                break
            }
            let key = Bytes.string(buffer, lower, i)
            guard key.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F }) else {
                stopped = true
                break
            }
            switch key {
            case "events": sawEvents = true
            case "creator":
                callgrind = Bytes.string(buffer, i + 1, upper).contains("callgrind")
            case "positions", "part", "pid", "thread": callgrind = true
            default: break
            }
        }
        ranOut = !stopped && lines < 64
        guard sawEvents else { return nil }
        return callgrind ? .callgrind : .cachegrind
    }

    static func isCanonicalCSVHeader(_ line: String) -> Bool {
        let names = line.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return names.contains("benchmark") && names.contains("value")
    }

    /// Whether a line in the first 64 KiB is a libtest/criterion `bencher` result line
    /// (`test NAME ... bench: …`). Go text never has one: its result lines start with `Benchmark`.
    private static func looksLikeBencher(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Bool {
        var lineStart = start
        let limit = min(end, start + prefixLength)
        while lineStart < limit {
            let stop = Bytes.lineEnd(buffer, from: lineStart, to: end)
            defer { lineStart = stop + 1 }
            guard stop - lineStart < 4096 else { continue }
            var lower = lineStart
            while lower < stop, buffer[lower] == Bytes.space { lower += 1 }
            if Bytes.hasPrefix(buffer, lower, stop, "test "),
                BencherTextLoader.isResultLine(Substring(Bytes.string(buffer, lower, stop)))
            {
                return true
            }
        }
        return false
    }

    private static func looksLikeGo(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Bool {
        var lineStart = start
        while lineStart < end {
            let stop = Bytes.lineEnd(buffer, from: lineStart, to: end)
            defer { lineStart = stop + 1 }
            if Bytes.hasPrefix(buffer, lineStart, stop, "Benchmark") { return true }
            let byte = buffer[lineStart]
            guard byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") else { continue }
            var i = lineStart
            while i < stop, buffer[i] != UInt8(ascii: ":"), !Bytes.isSpace(buffer[i]),
                !(buffer[i] >= UInt8(ascii: "A") && buffer[i] <= UInt8(ascii: "Z"))
            {
                i += 1
            }
            if i < stop, buffer[i] == UInt8(ascii: ":"),
                i + 1 == stop || buffer[i + 1] == Bytes.space || buffer[i + 1] == Bytes.tab
            {
                return true
            }
        }
        return false
    }
}
