import ArgumentParser
import BenchmarkAnalysis
import BenchmarkModel

/// `analyze`'s Go-benchstat-style projections: `--filter`, `--row`, `--col`/`--label-by`, `--sort`
/// (golang.org/x/perf/cmd/benchstat, "Filtering" and "Configuring comparisons"). Parsed once here;
/// a syntax error is a usage error (exit 2) that names the flag and the column. Each takes the next
/// argument whatever it looks like, so `--sort -change` and `--filter -/format:json` work.
struct ProjectionOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Analyse only the benchmarks matching EXPR (Go benchstat's -filter syntax).",
            discussion:
                "Terms key:value, key:\"quoted\", key:/regexp/, key:glob*, key:(a OR b); combined with AND (or a space), OR, -/NOT and parentheses. Keys: .name, .fullname, .file, .unit, /param, or a configuration key (goos, pkg, cpu…).",
            valueName: "EXPR"))
    var filter: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Group the report into sections by KEYS (Go's -table/-row keys: .name, /param, configuration keys; key@alpha, key@num, key@(a b)).",
            valueName: "KEYS"))
    var row: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Compare across the values of KEY instead of across files (Go's -col): /param, .fullname, .name or a configuration key; KEY@(a b) picks and orders them (the first is the baseline).",
            valueName: "KEY"))
    var col: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Split files into labels by: command (hyperfine's commands, or any whole name), param:NAME, regex:PATTERN (its first group), or a --col key.",
            valueName: "RULE"))
    var labelBy: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Order rows within each table by KEYS: name, change, p, verdict (comma-separated; a leading - reverses).",
            valueName: "KEYS"))
    var sort: String?

    /// The parsed flags.
    struct Parsed {
        var filter: FilterExpression?
        var rows: Projection?
        var split: (rule: LabelSplit.Rule, order: Projection.Order)?
        var sort: [SortKey] = []
    }

    /// Parses every flag; a bad expression is a `ValidationError` (exit 2) with its column.
    func parsed() throws -> Parsed {
        do {
            var result = Parsed()
            if let filter { result.filter = try FilterParser.parse(filter, flag: "--filter") }
            if let row { result.rows = try ProjectionParser.parse(row, flag: "--row") }
            if col != nil, labelBy != nil { throw ValidationError("give --col or --label-by, not both") }
            if let col {
                let projection = try ProjectionParser.parse(col, flag: "--col")
                guard projection.parts.count == 1 else {
                    throw FilterSyntaxError(
                        flag: "--col", expression: col, column: 1, message: "give one key (labels are one dimension)")
                }
                result.split = (.field(projection.parts[0].key), projection.parts[0].order)
            }
            if let labelBy { result.split = (try LabelSplit.Rule.parse(labelBy, flag: "--label-by"), .firstSeen) }
            if let sort { result.sort = try SortKey.parseList(sort) }
            return result
        } catch let error as FilterSyntaxError {
            throw ValidationError(error.description)
        }
    }

    /// Applies the parsed flags to the options of the analysis.
    static func apply(_ parsed: Parsed, to options: inout AnalysisOptions) {
        options.filter = parsed.filter
        options.rows = parsed.rows
        options.sort = parsed.sort
    }
}
