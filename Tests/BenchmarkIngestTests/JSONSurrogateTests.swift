import Testing

@testable import BenchmarkIngest

/// `\u` escapes of UTF-16 surrogates (RFC 8259 §8.2): a pair is one scalar; a surrogate alone —
/// high or low, anywhere in the string — stands for nothing and is read as U+FFFD, never dropped
/// (a dropped high surrogate made "s\ud800x" the benchmark "sx", merged into the real one).
@Suite struct JSONSurrogateTests {
    static func decoded(_ json: String) throws -> String? {
        var bytes = Array(json.utf8)
        return try bytes.withUnsafeMutableBytes { buffer throws(InputError) -> String? in
            let node = try JSONParser.parseDocument(UnsafeRawBufferPointer(buffer), file: "t.json")
            if case .string(let text) = node.value { return text }
            return nil
        }
    }

    @Test(arguments: [
        (#""s\ud800x""#, "s\u{FFFD}x"), (#""\ud800""#, "\u{FFFD}"), (#""\udfff""#, "\u{FFFD}"),
        (#""\ud83d\ude00""#, "😀"), (#""\ud800\ud83d\ude00""#, "\u{FFFD}😀"), (#""\ud800\n""#, "\u{FFFD}\n"),
        (#""\ud800\u0041""#, "\u{FFFD}A"), (#""a\udc00\ud800""#, "a\u{FFFD}\u{FFFD}"),
    ])
    func loneSurrogatesAreReplacementCharacters(_ json: String, _ expected: String) throws {
        let text = try Self.decoded(json)
        #expect(text.map { Array($0.unicodeScalars) } == Array(expected.unicodeScalars))
    }
}
