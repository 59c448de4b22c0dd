/// A shell-style glob over benchmark names: `*` matches any run of characters (including `/`),
/// `?` one character, `[abc]` one of a set; every other character matches itself. The whole name
/// must match. (POSIX fnmatch without FNM_PATHNAME, over Unicode characters.)
///
/// Matching never backtracks: the pattern is compiled once into the pieces between its stars; the
/// first piece must match at the start of the name, the last at its end, and each piece between
/// them at its leftmost place after the previous one (leftmost is always right for a glob, since a
/// later star can absorb whatever an earlier choice leaves). A piece of plain characters is found
/// by Knuth–Morris–Pratt, so a pattern without `?` or `[…]` matches in O(pattern + name); a piece
/// with them is tried at each place, O(piece × name) at worst — never the exponential or
/// O(pattern² × name) cost of restarting at every star.
public struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let text: String
    /// The pieces between stars, in order.
    private let pieces: [Piece]
    /// Whether the pattern holds a star (else it must match the name exactly, piece 0 alone).
    private let hasStar: Bool
    /// Whether the pattern starts / ends with a star.
    private let leadingStar: Bool
    private let trailingStar: Bool

    /// One element of a piece: a character, `?`, or a `[set]`.
    private enum Element: Sendable, Hashable {
        case character(Character)
        case any
        case set([Character])

        func matches(_ character: Character) -> Bool {
            switch self {
            case .character(let expected): expected == character
            case .any: true
            case .set(let members): members.contains(character)
            }
        }
    }

    /// A run of elements between stars, with the KMP failure table when it is plain characters.
    private struct Piece: Sendable, Hashable {
        let elements: [Element]
        /// `failure[i]`: the length of the longest proper border of `elements[0...i]`; nil when the
        /// piece holds `?` or a set.
        let failure: [Int]?

        init(_ elements: [Element]) {
            self.elements = elements
            let plain = elements.allSatisfy { if case .character = $0 { true } else { false } }
            guard plain, !elements.isEmpty else {
                failure = plain ? [] : nil
                return
            }
            var table = [Int](repeating: 0, count: elements.count)
            var length = 0
            for i in 1..<elements.count {
                while length > 0, elements[i] != elements[length] { length = table[length - 1] }
                if elements[i] == elements[length] { length += 1 }
                table[i] = length
            }
            failure = table
        }

        /// Whether the piece matches `subject` at `start` (which leaves room for it).
        func matches(_ subject: [Character], at start: Int) -> Bool {
            for (offset, element) in elements.enumerated() where !element.matches(subject[start + offset]) {
                return false
            }
            return true
        }

        /// The leftmost place in `from..<limit` where the piece starts and ends before `limit`.
        func firstMatch(in subject: [Character], from: Int, limit: Int) -> Int? {
            let count = elements.count
            guard limit - from >= count else { return nil }
            if count == 0 { return from }
            guard let failure else {
                for start in from...(limit - count) where matches(subject, at: start) { return start }
                return nil
            }
            var matched = 0
            var index = from
            while index < limit {
                while matched > 0, !elements[matched].matches(subject[index]) { matched = failure[matched - 1] }
                if elements[matched].matches(subject[index]) { matched += 1 }
                index += 1
                if matched == count { return index - count }
            }
            return nil
        }
    }

    /// Creates a pattern from its text.
    public init(_ text: String) {
        self.text = text
        let characters = Array(text)
        var pieces: [Piece] = []
        var current: [Element] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "*":
                pieces.append(Piece(current))
                current = []
                index += 1
            case "?":
                current.append(.any)
                index += 1
            case "[":
                // `[` starts a set when a `]` closes it after at least one member; else it is itself.
                if let close = characters[(index + 1)...].firstIndex(of: "]"), close > index + 1 {
                    current.append(.set(Array(characters[(index + 1)..<close])))
                    index = close + 1
                } else {
                    current.append(.character("["))
                    index += 1
                }
            default:
                current.append(.character(character))
                index += 1
            }
        }
        pieces.append(Piece(current))
        self.pieces = pieces
        hasStar = pieces.count > 1
        leadingStar = characters.first == "*"
        trailingStar = characters.last == "*"
    }

    public var description: String { text }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// Whether `name` matches the whole pattern.
    public func matches(_ name: String) -> Bool {
        let subject = Array(name)
        guard let first = pieces.first, let last = pieces.last else { return subject.isEmpty }
        guard hasStar else {
            return first.elements.count == subject.count && first.matches(subject, at: 0)
        }
        // The first piece at the start, the last at the end (they cannot overlap), the others
        // leftmost in between.
        var position = 0
        var limit = subject.count
        if !leadingStar {
            guard first.elements.count <= subject.count, first.matches(subject, at: 0) else { return false }
            position = first.elements.count
        }
        if !trailingStar {
            let start = subject.count - last.elements.count
            guard start >= position, last.matches(subject, at: start) else { return false }
            limit = start
        }
        for piece in pieces.dropFirst().dropLast() {
            guard let start = piece.firstMatch(in: subject, from: position, limit: limit) else { return false }
            position = start + piece.elements.count
        }
        return true
    }
}
