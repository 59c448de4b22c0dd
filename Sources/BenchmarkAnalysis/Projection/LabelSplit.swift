import BenchmarkModel
import Foundation

/// `--label-by` and `--col` (Go benchstat's `-col`): labels taken from inside the files instead of
/// from the files' names, so that one hyperfine export with two commands, or one Go file with
/// `/format=json` and `/format=gob`, compares its variants.
///
/// Every series of every label goes to the label named by its value of the rule; the value is
/// removed from its name so that the variants pair: a `/key=value` (or Google Benchmark's
/// `/key:value`) part is dropped, as Go's `-col /key` does; otherwise the value's last occurrence
/// in the name becomes `*` (`test_sort[builtin]` → `test_sort[*]`). A rule whose value is the whole
/// name (`command`, `.fullname`) names the series by the label it came from (the file stem). Series
/// without a value are left out with a warning. Runs of series that meet under one new name and
/// label are kept as separate runs (merged by run id).
public enum LabelSplit {
    /// Where a label comes from.
    public enum Rule: Sendable, CustomStringConvertible {
        /// A field of the series (`/param`, `.fullname`, `.name`, a configuration key).
        case field(FieldKey)
        /// The first match of a regular expression in the name (its first capture group if any).
        case regex(FilterRegex)

        /// Parses `command`, `param:NAME`, `regex:PATTERN`, or a Go projection key (`/NAME`,
        /// `.fullname`, `.name`, a configuration key).
        public static func parse(_ text: String, flag: String) throws(FilterSyntaxError) -> Rule {
            if text == "command" { return .field(.fullName) }
            if text.hasPrefix("param:") {
                let name = String(text.dropFirst("param:".count))
                guard !name.isEmpty else {
                    throw FilterSyntaxError(
                        flag: flag, expression: text, column: 7, message: "param: needs a parameter name")
                }
                return .field(.parameter(name))
            }
            if text.hasPrefix("regex:") {
                do {
                    return .regex(try FilterRegex(String(text.dropFirst("regex:".count))))
                } catch {
                    throw FilterSyntaxError(
                        flag: flag, expression: text, column: 7, message: "bad regular expression: \(error.message)")
                }
            }
            let projection = try ProjectionParser.parse(text, flag: flag)
            guard projection.parts.count == 1 else {
                throw FilterSyntaxError(
                    flag: flag, expression: text, column: 1, message: "give one key (labels are one dimension)")
            }
            return .field(projection.parts[0].key)
        }

        public var description: String {
            switch self {
            case .field(let key): key.description
            case .regex(let regex): "regex:" + regex.pattern
            }
        }
    }

    /// The dataset relabelled by `rule`; `order` orders the new labels (default first seen). With
    /// the rule `.file` the dataset is returned as it is.
    public static func apply(_ dataset: Dataset, rule: Rule, order: Projection.Order = .firstSeen) -> Dataset {
        if case .field(.label) = rule { return dataset }
        var labelNames: [String] = []
        var labelIndex: [String: Int] = [:]
        var series: [[BenchmarkSeries]] = []
        var seriesIndex: [[SeriesKey: Int]] = []
        var files: [[FileMetadata]] = []
        var warnings = dataset.warnings
        var withoutValue = 0
        var firstWithout: SourceLocation?
        for label in dataset.labels {
            var fileByPath: [String: FileMetadata] = [:]
            for file in label.files where fileByPath[file.path] == nil { fileByPath[file.path] = file }
            for original in label.series {
                let file = original.runs.first.flatMap { FilterStep.file(of: $0, in: fileByPath, label: label) }
                let fields = BenchmarkFields(
                    benchmark: original.benchmark, unit: original.unit, label: label.label, file: file)
                guard let (value, renamed) = split(fields, rule: rule, originalLabel: label.label), !value.isEmpty
                else {
                    withoutValue += 1
                    if firstWithout == nil { firstWithout = original.runs.first?.source }
                    continue
                }
                let target: Int
                if let known = labelIndex[value] {
                    target = known
                } else {
                    target = labelNames.count
                    labelIndex[value] = target
                    labelNames.append(value)
                    series.append([])
                    seriesIndex.append([:])
                    files.append([])
                }
                if let file, !files[target].contains(where: { $0.path == file.path }) { files[target].append(file) }
                let moved = BenchmarkSeries(
                    benchmark: renamed, unit: original.unit, mode: original.mode, runs: original.runs)
                let key = SeriesKey(moved)
                if let existing = seriesIndex[target][key] {
                    for run in moved.runs {
                        if let same = series[target][existing].runs.firstIndex(where: { $0.id == run.id }) {
                            series[target][existing].runs[same].values += run.values
                            series[target][existing].runs[same].iterations = nil
                        } else {
                            series[target][existing].runs.append(run)
                        }
                    }
                } else {
                    seriesIndex[target][key] = series[target].count
                    series[target].append(moved)
                }
            }
        }
        if withoutValue > 0 {
            warnings.append(
                InputWarning(
                    location: firstWithout ?? SourceLocation(file: dataset.labels.first?.label ?? ""),
                    message: "\(withoutValue) series have no value for --label-by/--col \(rule) and are left out"))
        }
        var labels = labelNames.indices.map { LabelData(label: labelNames[$0], series: series[$0], files: files[$0]) }
        if order != .firstSeen {
            let sorted = Projection(parts: [Projection.Part(key: .label, order: order)]).sorted(labelNames.map { [$0] })
            let rank = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1[0], $0) })
            labels = labels.filter { rank[$0.label] != nil || !isFixed(order) }
            labels.sort { (rank[$0.label] ?? Int.max) < (rank[$1.label] ?? Int.max) }
            if case .fixed(let values) = order { labels = labels.filter { values.contains($0.label) } }
        }
        return Dataset(labels: labels, warnings: warnings)
    }

    private static func isFixed(_ order: Projection.Order) -> Bool {
        if case .fixed = order { true } else { false }
    }

    /// The label value of a series under `rule` and the identity it keeps in that label; nil when the
    /// series has no value.
    static func split(_ fields: BenchmarkFields, rule: Rule, originalLabel: String) -> (String, BenchmarkIdentity)? {
        let name = fields.benchmark.name
        switch rule {
        case .regex(let regex):
            guard let range = regex.firstCapture(in: name) else { return nil }
            var renamed = name
            renamed.replaceSubrange(range, with: "*")
            return (String(name[range]), BenchmarkIdentity(name: renamed, parameters: fields.benchmark.parameters))
        case .field(let key):
            guard let value = fields.value(key), !value.isEmpty else { return nil }
            switch key {
            case .fullName:
                return (value, BenchmarkIdentity(name: originalLabel))
            case .parameter(let parameter):
                let remaining = fields.benchmark.parameters.filter { $0.key != parameter }
                return (value, BenchmarkIdentity(name: without(parameter, value, in: name), parameters: remaining))
            case .name:
                return (
                    value, BenchmarkIdentity(name: starred(value, in: name), parameters: fields.benchmark.parameters)
                )
            default:
                return (value, fields.benchmark)
            }
        }
    }

    /// `name` without its `/key=value` (or `/key:value`, or Go's `-N` for `gomaxprocs`) part, else
    /// with the last occurrence of `value` replaced by `*`.
    static func without(_ key: String, _ value: String, in name: String) -> String {
        for separator in ["=", ":"] {
            let part = "/" + key + separator + value
            if let range = name.range(of: part + "/") {
                return name.replacingCharacters(in: range, with: "/")
            }
            if let range = name.range(of: part, options: .backwards),
                range.upperBound == name.endIndex || name[range.upperBound] == "-"
            {
                return name.replacingCharacters(in: range, with: "")
            }
        }
        if key == "gomaxprocs", name.hasSuffix("-" + value) { return String(name.dropLast(value.count + 1)) }
        return starred(value, in: name)
    }

    /// `name` with the last occurrence of `value` replaced by `*` (unchanged when absent).
    static func starred(_ value: String, in name: String) -> String {
        guard let range = name.range(of: value, options: .backwards) else { return name }
        return name.replacingCharacters(in: range, with: "*")
    }
}
