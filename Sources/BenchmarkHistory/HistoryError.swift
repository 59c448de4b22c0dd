/// Why a history store could not be opened, read or written. Every message names the store (a
/// file path, or a PostgreSQL URL with its password redacted) and says what is wrong; none holds a
/// credential.
public struct HistoryError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of failure.
    public enum Kind: String, Sendable, Equatable {
        /// The file exists but is not a database of this kind.
        case notADatabase
        /// No store at that location (a read needs one; record creates it).
        case missing
        /// The store's schema is newer than this binary knows.
        case newerSchema
        /// Another process holds the lock longer than the wait allowed.
        case locked
        /// The server could not be reached, or refused the connection.
        case cannotConnect
        /// The commit is already recorded for this branch and machine.
        case duplicateRun
        /// A benchmark's units disagree with those stored for it.
        case unitMismatch
        /// The input holds nothing to record, or an argument is out of range.
        case invalidInput
        /// The database engine reported another error.
        case engine
    }

    /// The kind.
    public let kind: Kind
    /// The store, as shown to users (password redacted).
    public let store: String
    /// What is wrong, as a sentence.
    public let message: String

    /// Creates an error.
    public init(_ kind: Kind, store: String, _ message: String) {
        self.kind = kind
        self.store = store
        self.message = message
    }

    public var description: String { "\(store): \(message)" }
}
