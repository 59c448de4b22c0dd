import BenchmarkAnalysis
import Foundation
import Testing

/// Issue 16: glob matching without backtracking, against a reference matcher (dynamic programming
/// over fnmatch's rules) on random patterns and names, and on the long pattern that took > 100 s.
@Suite struct GlobPatternLinearTests {
    /// fnmatch without FNM_PATHNAME by dynamic programming: `reachable[j]` after i characters.
    static func reference(_ pattern: String, _ name: String) -> Bool {
        let p = Array(pattern)
        let s = Array(name)
        // Elements: (kind, members) with kind 0 char, 1 any, 2 set, 3 star.
        var elements: [(Int, [Character])] = []
        var i = 0
        while i < p.count {
            if p[i] == "*" {
                elements.append((3, []))
            } else if p[i] == "?" {
                elements.append((1, []))
            } else if p[i] == "[", let close = p[(i + 1)...].firstIndex(of: "]"), close > i + 1 {
                elements.append((2, Array(p[(i + 1)..<close])))
                i = close
            } else {
                elements.append((0, [p[i]]))
            }
            i += 1
        }
        var state = [Bool](repeating: false, count: elements.count + 1)
        state[0] = true
        for k in elements.indices where elements[k].0 == 3 && state[k] { state[k + 1] = true }
        for character in s {
            var next = [Bool](repeating: false, count: elements.count + 1)
            for k in elements.indices where state[k] {
                let (kind, members) = elements[k]
                switch kind {
                case 3: next[k] = true
                case 1: next[k + 1] = true
                default: if members.contains(character) { next[k + 1] = true }
                }
            }
            for k in elements.indices where elements[k].0 == 3 && next[k] { next[k + 1] = true }
            state = next
        }
        return state[elements.count]
    }

    @Test func agreesWithTheReferenceOnRandomPatterns() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["a", "b", "/", "é"]
        let patternAlphabet: [String] = ["a", "b", "/", "*", "*", "?", "[ab]", "[", "]", "é", "e\u{301}"]
        var checked = 0
        for _ in 0..<4000 {
            let pattern = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                patternAlphabet.randomElement(using: &generator) ?? "a"
            }.joined()
            let name = String(
                (0..<Int.random(in: 0...10, using: &generator)).map { _ in
                    alphabet.randomElement(using: &generator) ?? "a"
                })
            let expected = Self.reference(pattern, name)
            #expect(GlobPattern(pattern).matches(name) == expected, "pattern \(pattern) name \(name)")
            checked += expected ? 1 : 0
        }
        #expect(checked > 100, "too few matches to mean anything: \(checked)")
    }

    @Test(arguments: [
        ("a*b*c", "aXbYc", true), ("a*b*c", "abcb", false), ("*ab", "aab", true), ("ab*", "a", false),
        ("a*a", "a", false), ("*a*", "", false), ("[]", "[]", true), ("[x", "[x", true), ("?*?", "ab", true),
        ("?*?", "a", false), ("*[ab]*[ab]", "xaxb", true), ("x*", "x", true), ("**", "", true),
    ])
    func edgeCases(_ pattern: String, _ name: String, _ expected: Bool) {
        #expect(GlobPattern(pattern).matches(name) == expected)
        #expect(Self.reference(pattern, name) == expected, "the reference disagrees")
    }

    /// `*a*a*…*b` (2,000 stars) against 20,000 `a`s: backtracking restarts at every star.
    @Test func longPatternAgainstLongNameIsFast() {
        let pattern = String(repeating: "*a", count: 2000) + "*b"
        let name = String(repeating: "a", count: 20_000)
        let start = Date()
        #expect(!GlobPattern(pattern).matches(name))
        #expect(GlobPattern(pattern).matches(name + "b"))
        let questions = String(repeating: "*a?", count: 300) + "*b"
        #expect(!GlobPattern(questions).matches(name))
        #expect(Date().timeIntervalSince(start) < 5, "took \(Date().timeIntervalSince(start)) s")
    }
}
