/// A regular expression of a filter or label rule, compiled once (Swift `Regex`, whose syntax
/// covers the RE2 syntax Go's filters use for common patterns: classes, anchors, groups,
/// alternation, repetition).
public struct FilterRegex: @unchecked Sendable {
    // `Regex<AnyRegexOutput>` is immutable once built; matching does not mutate it.
    private let regex: Regex<AnyRegexOutput>
    /// The pattern as written.
    public let pattern: String

    /// Compiles `pattern`; throws the compiler's error message as a `String`.
    public init(_ pattern: String) throws(RegexSyntaxError) {
        do {
            regex = try Regex(pattern)
        } catch {
            throw RegexSyntaxError(message: "\(error)")
        }
        self.pattern = pattern
    }

    /// Whether the expression matches somewhere in `value`.
    public func matches(_ value: String) -> Bool { (try? regex.firstMatch(in: value)) != nil }

    /// The first match in `value`: the range of capture group 1 when the expression has one and it
    /// took part, else the whole match; nil when it does not match.
    public func firstCapture(in value: String) -> Range<String.Index>? {
        guard let match = try? regex.firstMatch(in: value) else { return nil }
        if match.output.count > 1, let range = match.output[1].range { return range }
        return match.range
    }
}

/// A regular expression that does not compile, with the compiler's message.
public struct RegexSyntaxError: Error, Sendable {
    /// The message.
    public let message: String
}
