import BenchmarkAnalysis
import BenchmarkModel
import Foundation
import TOMLKit

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
    var alpha: Double?
    var confidence: Double?
    var test: ComparisonTest?
    var correction: CorrectionMethod?
    var strict: Bool?
    var thresholds: [MeasurementMode: Double] = [:]
    var rules: [ThresholdOverride] = []

    static func load(_ path: String) throws(ConfigurationError) -> ConfigurationFile {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(path: path, problem: .unreadable(error.localizedDescription))
        }
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
