import ArgumentParser

/// `--color auto|always|never`: whether the text report on standard output is coloured (regression
/// red, improvement green, inconclusive yellow). A report written to a file is never coloured.
enum ColourChoice: String, ExpressibleByArgument, CaseIterable {
    /// Colour when standard output is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`.
    case auto
    /// Always colour (a pager that understands ANSI escapes: `| less -R`).
    case always
    /// Never colour.
    case never

    /// Whether this choice colours the report now.
    var isOn: Bool {
        switch self {
        case .auto: Terminal.standardOutputSupportsColour
        case .always: true
        case .never: false
        }
    }
}
