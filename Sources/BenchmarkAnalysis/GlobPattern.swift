/// A shell-style glob over benchmark names: `*` matches any run of characters (including `/`),
/// `?` one character, `[abc]` one of a set; every other character matches itself. The whole name
/// must match. (POSIX fnmatch without FNM_PATHNAME, over Unicode characters.)
public struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let text: String
    private let characters: [Character]

    /// Creates a pattern from its text.
    public init(_ text: String) {
        self.text = text
        self.characters = Array(text)
    }

    public var description: String { text }

    /// Whether `name` matches the whole pattern.
    public func matches(_ name: String) -> Bool {
        let subject = Array(name)
        // Iterative matcher with one backtrack point for the last `*` (linear in practice).
        var p = 0
        var s = 0
        var starP = -1
        var starS = 0
        while s < subject.count {
            if p < characters.count, characters[p] == "*" {
                starP = p
                starS = s
                p += 1
            } else if p < characters.count, let width = matchOne(at: p, subject[s]) {
                p += width
                s += 1
            } else if starP >= 0 {
                p = starP + 1
                starS += 1
                s = starS
            } else {
                return false
            }
        }
        while p < characters.count, characters[p] == "*" { p += 1 }
        return p == characters.count
    }

    /// If the pattern element at `index` matches `character`, the element's width in the pattern.
    private func matchOne(at index: Int, _ character: Character) -> Int? {
        let element = characters[index]
        if element == "?" { return 1 }
        if element == "[", let close = characters[(index + 1)...].firstIndex(of: "]"), close > index + 1 {
            let set = characters[(index + 1)..<close]
            return set.contains(character) ? close - index + 1 : nil
        }
        return element == character ? 1 : nil
    }
}
