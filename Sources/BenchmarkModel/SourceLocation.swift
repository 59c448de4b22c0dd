/// Where something came from in the input: a file and, when it helps, a 1-based line and a field.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The path as the user gave it (or as discovered below a directory they gave), as people read
    /// it: a name that is not UTF-8 has its other bytes escaped (`BytePath.displayName`).
    public let file: String
    /// The 1-based line, or nil when the whole file is meant.
    public var line: Int? { packedLine == Self.noLine ? nil : packedLine }
    /// The field or key (for example `value`, `results[2].times`), or nil.
    public let field: String?
    /// `line` in 8 bytes, `noLine` for nil (an `Int?` takes 16 here): a location is in every run
    /// of every series loaded.
    let packedLine: Int
    private static let noLine = Int.min

    /// A location in `file` (display form) at the line `packedLine` holds (`noLine`: none).
    init(displayedFile file: String, packedLine: Int) {
        self.file = file
        self.packedLine = packedLine
        self.field = nil
    }

    /// Creates a location for a `file` already in display form (`BytePath.display`): nothing is
    /// escaped again, and the path is not scanned (a loader makes one location per series it meets,
    /// a million at a million benchmarks, all in the file it displayed once).
    public init(displayedFile file: String, line: Int? = nil, field: String? = nil) {
        self.file = file
        self.packedLine = line.map { max($0, Self.noLine + 1) } ?? Self.noLine
        self.field = field
    }

    /// Creates a location; `file` may be in `BytePath`'s carrier form.
    public init(file: String, line: Int? = nil, field: String? = nil) {
        self.file = BytePath.display(file)
        self.packedLine = line.map { max($0, Self.noLine + 1) } ?? Self.noLine
        self.field = field
    }

    /// `file:line` (or just `file`), the form compilers and Go's benchfmt use.
    public var description: String {
        guard let line else { return file }
        return "\(file):\(line)"
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.field ?? "") < (rhs.file, rhs.line ?? 0, rhs.field ?? "")
    }
}
