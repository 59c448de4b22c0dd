import ArgumentParser

/// The `benchstat` command: decides whether benchmark changes are regressions, improvements or noise.
public struct Benchstat: ParsableCommand {
    /// The version printed by `benchstat --version`.
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "benchstat",
        abstract: "Decide, with honest statistics, whether a benchmark change is a regression or noise.",
        version: version,
        subcommands: [AnalyzeCommand.self, MeasureCommand.self, HistoryCommand.self]
    )

    public init() {}
}
