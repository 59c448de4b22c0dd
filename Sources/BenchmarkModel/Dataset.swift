/// Everything one `benchstat analyze` invocation loaded: the labels in their resolved order, and
/// the warnings met on the way (carried to the edge and rendered once, never printed here).
public struct Dataset: Sendable {
    /// The labels, in the deterministic order of DESIGN.md (given order, or sorted directory entries).
    public var labels: [LabelData]
    /// Warnings from loading, for example skipped aggregate rows.
    public var warnings: [InputWarning]

    /// Creates a dataset.
    public init(labels: [LabelData], warnings: [InputWarning]) {
        self.labels = labels
        self.warnings = warnings
    }

    /// The label named `name`, or nil.
    public func label(named name: String) -> LabelData? { labels.first { $0.label == name } }
}

/// Something in the input worth telling the user that does not stop the analysis.
public struct InputWarning: Sendable, Hashable, CustomStringConvertible {
    /// Where it was found.
    public let location: SourceLocation
    /// What it is, as a sentence.
    public let message: String

    /// Creates a warning.
    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}
