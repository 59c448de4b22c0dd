import BenchmarkIngest

/// The text of `benchstat analyze --help` after the usage line: the layouts and input formats read,
/// the four verdicts (as README "Verdicts" defines them), the exit status, two examples and where
/// the full documentation is. Lines are at most 80 columns, so swift-argument-parser does not
/// re-wrap the indented ones.
enum AnalyzeHelp {
    static let discussion = """
        PATH is a directory of label sub-directories (runs/base/, runs/head/, …: each \
        file in one is a run), a directory of files (one label per file), or files \
        given directly (each a label named by its file stem).

        Input formats, detected from content (not from the file name):
        \(InputFormat.allCases.map { "  - " + $0.helpName }.joined(separator: "\n"))

        Verdicts, one per benchmark (T is the practical threshold: by default 1% for
        instruction counts, 5% for walltime):
          regression    head is worse: significant (adjusted p < alpha) and at least T
                        (exact counts: a change of at least T)
          improvement   head is better, by the same rule
          noise         no change that matters: equivalence shown (the 90% interval of
                        the change lies within ±T), or significant but smaller than T
          inconclusive  undecided: the interval crosses ±T, or there is no noise
                        estimate (one sample per side); more runs or --history decide
        A benchmark on one side only is missing. The gate fails on a regression (with
        --strict also on any comparison that does not show non-inferiority).

        Exit status: 0 gate passed, 1 gate failed, 2 usage or input error, or a report \
        that cannot be written. A reader that closes the pipe early (| head) leaves \
        the gate's status.

        Examples:
          benchstat analyze runs/ --history past/
          benchstat analyze runs/ --output markdown=comment.md --output junit=junit.xml

        See README.md in the benchstat repository (sections "Using it", "Verdicts", \
        "Outputs", "In CI") for every flag, format and rule.
        """
}
