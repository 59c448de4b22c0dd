import BenchmarkAnalysis
import BenchmarkIngest
import BenchmarkModel
import Foundation
import TOMLKit

#if canImport(Glibc)
    import Glibc
#endif

/// `benchstat.toml`: defaults, per-mode thresholds and per-benchmark glob rules. Unknown keys are
/// errors (a typo should not silently change a gate). Example (also in the README):
///
/// ```toml
/// [defaults]
/// alpha = 0.05
/// confidence = 0.95
/// test = "welch"          # or "mann-whitney", "yuen"
/// correction = "bh"       # or "holm", "none"
/// strict = false
///
/// [thresholds]            # percent
/// instrumentation = 1.0
/// walltime = 5.0
///
/// [[benchmark]]           # later rules win
/// match = "linter/*"
/// threshold = 2.0
///
/// [[benchmark]]
/// match = "*[flaky]*"
/// ignore = true
/// ```
struct ConfigurationFile {
    /// The file `analyze` reads from the working directory when `--config` is not given.
    static let defaultName = "benchstat.toml"

    var alpha: Double?
    var confidence: Double?
    var test: ComparisonTest?
    var correction: CorrectionMethod?
    var strict: Bool?
    var thresholds: [MeasurementMode: Double] = [:]
    var rules: [ThresholdOverride] = []

    /// `path` may carry bytes that are not UTF-8 (a name recovered by `RawArguments`): the file is
    /// opened by its bytes and named with them escaped.
    static func load(_ path: String) throws(ConfigurationError) -> ConfigurationFile {
        let text = try readText(path)
        let path = BytePath.display(path)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(path: path, line: error.source.begin.line, problem: .notTOML(error.description))
        } catch {
            throw ConfigurationError(path: path, problem: .notTOML("not valid TOML: \(error)"))
        }
        return try parse(table, path: path)
    }

    /// The configuration file's text. What is wrong is said in words (not Foundation's "You don't
    /// have permission" or "error 256"): a directory, a FIFO or device (refused without opening it,
    /// so a FIFO never blocks), UTF-16, bytes that are not UTF-8.
    static func readText(_ path: String) throws(ConfigurationError) -> String {
        func failure(_ reason: String) -> ConfigurationError {
            ConfigurationError(path: BytePath.display(path), problem: .unreadable(reason))
        }
        guard let info = FileSystem.status(path) else {
            let reason = errno
            throw failure(
                reason == ENOENT && FileSystem.status(path, following: false) != nil
                    ? "a broken symbolic link or a symbolic link loop" : String(cString: strerror(reason)))
        }
        // `--config /dev/null`: no configuration, as a shell user means it.
        if info.st_mode & S_IFMT == S_IFCHR, let resolved = realpath(path, nil) {
            defer { free(resolved) }
            if String(cString: resolved) == "/dev/null" { return "" }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw failure("it is a directory, not a benchstat.toml file")
        case S_IFIFO: throw failure("it is a FIFO (named pipe), not a regular file; write the configuration to a file")
        case S_IFCHR, S_IFBLK: throw failure("it is a device, not a regular file")
        default: throw failure("it is a socket, not a regular file")
        }
        guard info.st_size <= 16 << 20 else { throw failure("it is \(info.st_size) bytes; a configuration is small") }
        let data: Data
        do throws(FileSystem.ListingFailure) {
            data = try FileSystem.contents(path, size: Int(info.st_size))
        } catch {
            throw failure(error.reason)
        }
        let bytes = [UInt8](data)
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw failure("the file is UTF-16; save it as UTF-8")
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw failure("binary data (a NUL byte at offset \(nul)); TOML is UTF-8 text")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw failure("the file is not valid UTF-8 text")
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    static func parse(_ table: TOMLTable, path: String) throws(ConfigurationError) -> ConfigurationFile {
        var file = ConfigurationFile()
        try allow(table.keys, ["defaults", "thresholds", "benchmark"], in: "the top level", path: path)
        if let defaults = table["defaults"] {
            guard let defaults = defaults.table else {
                throw ConfigurationError(
                    path: path, key: "[defaults]", problem: .invalidValue(expected: "must be a table"))
            }
            try allow(
                defaults.keys, ["alpha", "confidence", "test", "correction", "strict"], in: "[defaults]", path: path)
            file.alpha = try number(defaults["alpha"], "defaults.alpha", path: path)
            file.confidence = try number(defaults["confidence"], "defaults.confidence", path: path)
            if let value = defaults["test"] {
                guard let text = value.string, let test = ComparisonTest(rawValue: text) else {
                    throw ConfigurationError(
                        path: path, key: "defaults.test",
                        problem: .invalidValue(expected: "must be \"welch\", \"mann-whitney\" or \"yuen\""))
                }
                file.test = test
            }
            if let value = defaults["correction"] {
                guard let text = value.string, let correction = CorrectionMethod(rawValue: text) else {
                    throw ConfigurationError(
                        path: path, key: "defaults.correction",
                        problem: .invalidValue(expected: "must be \"bh\", \"holm\" or \"none\""))
                }
                file.correction = correction
            }
            if let value = defaults["strict"] {
                guard let strict = value.bool else {
                    throw ConfigurationError(
                        path: path, key: "defaults.strict", problem: .invalidValue(expected: "must be true or false"))
                }
                file.strict = strict
            }
            for (name, value) in [("alpha", file.alpha), ("confidence", file.confidence)] {
                if let value, !(value > 0 && value < 1) {
                    throw ConfigurationError(
                        path: path, key: "defaults.\(name)",
                        problem: .invalidValue(expected: "must lie in (0, 1), got \(value)"))
                }
            }
        }
        if let thresholds = table["thresholds"] {
            guard let thresholds = thresholds.table else {
                throw ConfigurationError(
                    path: path, key: "[thresholds]", problem: .invalidValue(expected: "must be a table"))
            }
            try allow(thresholds.keys, MeasurementMode.allCases.map(\.rawValue), in: "[thresholds]", path: path)
            for mode in MeasurementMode.allCases {
                if let value = try percent(thresholds[mode.rawValue], "thresholds.\(mode.rawValue)", path: path) {
                    file.thresholds[mode] = value
                }
            }
        }
        if let rules = table["benchmark"] {
            guard let array = rules.array else {
                throw ConfigurationError(
                    path: path, key: "benchmark", problem: .invalidValue(expected: "rules must be [[benchmark]] tables")
                )
            }
            for (index, element) in array.enumerated() {
                let where_ = "[[benchmark]] #\(index + 1)"
                guard let rule = element.table else {
                    throw ConfigurationError(
                        path: path, key: where_, problem: .invalidValue(expected: "must be a table"))
                }
                try allow(rule.keys, ["match", "threshold", "ignore"], in: where_, path: path)
                guard let pattern = rule["match"]?.string, !pattern.isEmpty else {
                    throw ConfigurationError(path: path, key: where_, problem: .missingMatch)
                }
                let threshold = try percent(rule["threshold"], "\(where_).threshold", path: path)
                var ignore: Bool?
                if let value = rule["ignore"] {
                    guard let flag = value.bool else {
                        throw ConfigurationError(
                            path: path, key: "\(where_).ignore",
                            problem: .invalidValue(expected: "must be true or false"))
                    }
                    ignore = flag
                }
                file.rules.append(ThresholdOverride(pattern: GlobPattern(pattern), percent: threshold, ignore: ignore))
            }
        }
        return file
    }

    func apply(to options: inout AnalysisOptions) {
        if let alpha { options.alpha = alpha }
        if let confidence { options.confidence = confidence }
        if let test { options.test = test }
        if let correction { options.correction = correction }
        if let strict { options.strict = strict }
        for (mode, value) in thresholds { options.thresholds.percentByMode[mode] = value }
        options.thresholds.overrides = rules
    }

    private static func allow(_ keys: [String], _ allowed: [String], in place: String, path: String)
        throws(ConfigurationError)
    {
        for key in keys where !allowed.contains(key) {
            throw ConfigurationError(
                path: path, key: key, problem: .unknownKey(key, place: place, allowed: allowed))
        }
    }

    private static func number(_ value: (any TOMLValueConvertible)?, _ name: String, path: String)
        throws(ConfigurationError) -> Double?
    {
        guard let value else { return nil }
        if let double = value.double { return double }
        if let int = value.int { return Double(int) }
        throw ConfigurationError(path: path, key: name, problem: .invalidValue(expected: "must be a number"))
    }

    private static func percent(_ value: (any TOMLValueConvertible)?, _ name: String, path: String)
        throws(ConfigurationError) -> Double?
    {
        guard let number = try number(value, name, path: path) else { return nil }
        guard number >= 0, number.isFinite else {
            throw ConfigurationError(
                path: path, key: name, problem: .invalidValue(expected: "must be a percentage ≥ 0"))
        }
        return number
    }
}
