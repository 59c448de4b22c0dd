import BenchmarkModel

/// Why an input could not be loaded: what was expected, what was found, and where.
///
/// Modelled on golang.org/x/perf/benchfmt's `SyntaxError`: its `description` is
/// `file:line: message` (or `file: message` when no line applies), the form compilers use, so
/// editors and CI logs link to the offending line. Every loader throws only this type
/// (`throws(InputError)`); the CLI maps it to exit code 2.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The class of problem, for programs and tests; the message is for people.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The file or directory could not be read (missing, permissions, not a regular file).
        case unreadableFile
        /// The file has no content (or only whitespace).
        case emptyFile
        /// The content matches none of the supported formats.
        case unknownFormat
        /// A line or document does not follow its format's syntax.
        case malformedLine
        /// A field has the wrong JSON/CSV type (for example a string where a number belongs).
        case wrongType
        /// A required field is absent.
        case missingField
        /// A value is NaN or infinite, or overflows when converted to its base unit.
        case nonFiniteValue
        /// A value is negative, or zero where the unit forbids it (times and counts must be > 0).
        case valueOutOfRange
        /// One benchmark has disjoint sets of units in two files of one label.
        case incompatibleUnits
        /// One benchmark and unit is declared with two different modes.
        case conflictingMode
        /// One benchmark is measured by two tools whose numbers are not samples of one series
        /// (callgrind and cachegrind).
        case mixedTools
        /// Two inputs resolve to the same label name.
        case duplicateLabel
        /// A directory holds no input files.
        case noInputFiles
        /// A readable file of a known format holds no usable benchmark result.
        case noResults
        /// An option asks for something the input does not have (for example a callgrind event).
        case unsupportedOption
    }

    /// The class of problem.
    public let kind: Kind
    /// Where: the file, and the 1-based line and the field when they are known.
    public let location: SourceLocation
    /// What was expected and what was found, as a sentence without the location.
    public let message: String

    /// Creates an error.
    public init(_ kind: Kind, at location: SourceLocation, _ message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    /// `file:line: message`, or `file: message` when no line applies.
    public var description: String { "\(location): \(message)" }
}

extension InputError {
    static func wrongType(
        _ file: String, line: Int?, field: String, expected: String, found: String
    ) -> InputError {
        InputError(
            .wrongType, at: SourceLocation(file: file, line: line, field: field),
            "field \"\(field)\": expected \(expected), found \(found)")
    }

    static func missingField(_ file: String, line: Int?, field: String, in context: String) -> InputError {
        InputError(
            .missingField, at: SourceLocation(file: file, line: line, field: field),
            "missing field \"\(field)\" in \(context)")
    }

    static func malformed(_ file: String, line: Int?, _ message: String) -> InputError {
        InputError(.malformedLine, at: SourceLocation(file: file, line: line), message)
    }
}
