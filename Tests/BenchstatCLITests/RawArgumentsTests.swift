import BenchmarkModel
import Testing

@testable import BenchstatCLI

/// Recovering path arguments that swift-argument-parser decoded lossily (U+FFFD) from argv's bytes.
@Suite struct RawArgumentsTests {
    @Test func lossyArgumentsTakeTheBytesOfTheMatchingElementsInOrder() {
        let first: [UInt8] = [0x61, 0xE9]  // Latin-1 "aé"
        let second: [UInt8] = [0x61, 0xE8]  // Latin-1 "aè": the same lossy string "a\u{FFFD}"
        let candidates = [Array("analyze".utf8), first, second, Array("--output=".utf8) + [0x6F, 0xFF]]
        let recovered = RawArguments.paths(["a\u{FFFD}", "plain", "a\u{FFFD}", "o\u{FFFD}"], candidates: candidates)
        #expect(recovered.map { BytePath($0).bytes } == [first, Array("plain".utf8), second, [0x6F, 0xFF]])
        // No element decodes to it: the argument is kept as given.
        #expect(RawArguments.paths(["z\u{FFFD}"], candidates: candidates) == ["z\u{FFFD}"])
        // A valid name holding a code point of the carrier's escape range is carried as its bytes.
        let escapeRange = "x\u{10FDE9}"
        #expect(BytePath(RawArguments.paths([escapeRange], candidates: [])[0]).bytes == Array(escapeRange.utf8))
    }
}
