import BenchmarkIngest
import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

/// File names that are not UTF-8 (issue 16): `BytePath`'s carrier form is one to one, names are shown
/// escaped, and discovery finds, sorts and reads such files like any other.
@Suite struct NonUTF8PathTests {
    @Test(
        arguments: [
            [0x72, 0xE9, 0x2E, 0x74],  // Latin-1 "ré.t"
            [0xFF, 0xFE, 0x80],  // bytes that never start UTF-8
            [0xC3],  // a sequence cut short
            [0xC0, 0xAF],  // an overlong "/"
            [0xED, 0xA0, 0x80],  // a UTF-16 surrogate
            [0xF4, 0x8F, 0xB7, 0xA9],  // U+10FDE9: valid, but in the carrier's escape range
            [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
            Array("café/ascii".utf8),
        ] as [[UInt8]])
    func carrierFormIsOneToOne(_ bytes: [UInt8]) {
        let path = BytePath(bytes: bytes)
        #expect(BytePath(path.string).bytes == bytes)
        #expect(BytePath(path.string) == path)
    }

    /// The escape check reads eight bytes at a time: an invalid byte is seen wherever it stands —
    /// in a word, at a word's edge, in the tail — and a valid four-byte scalar led by 0xF4
    /// (U+100000) is no escape.
    @Test(arguments: 0..<24)
    func anInvalidByteIsSeenAtEveryOffset(_ offset: Int) {
        var bytes = Array("runs/base/run-0123456789.json".utf8)
        bytes.insert(0xE9, at: offset)
        let carrier = BytePath(bytes: bytes).string
        #expect(BytePath.display(carrier).contains("\\xE9"), "offset \(offset): \(BytePath.display(carrier))")
        var valid = Array("runs/base/run-0123456789.json".utf8)
        valid.insert(contentsOf: [0xF4, 0x80, 0x80, 0x80], at: offset)
        let plain = String(decoding: valid, as: UTF8.self)
        #expect(BytePath.display(plain) == plain)
    }

    @Test func displayEscapesOnlyWhatIsNotUTF8() {
        #expect(BytePath(bytes: Array("runs/r".utf8) + [0xE9] + Array(".txt".utf8)).displayName == "runs/r\\xE9.txt")
        #expect(BytePath(bytes: Array("café".utf8)).displayName == "café")
        #expect(BytePath(bytes: [0xC3]).displayName == "\\xC3")
        // A real code point of the escape range is shown by its bytes, never as a byte it does not hold.
        #expect(BytePath(bytes: [0xF4, 0x8F, 0xB7, 0xA9]).displayName == "\\xF4\\x8F\\xB7\\xA9")
        #expect(BytePath.display("plain/path.jsonl") == "plain/path.jsonl")
        #expect(BytePath(bytes: [0x61, 0xE9]).isPlain == false && BytePath("aé").isPlain)
        // SourceLocation shows carrier paths escaped.
        let carrier = BytePath(bytes: [0x61, 0xE9]).string
        #expect(SourceLocation(file: carrier, line: 3).description == "a\\xE9:3")
    }

    static func jsonl(_ values: [Int]) -> String {
        values.map { #"{"benchmark":"a","unit":"ns","value":\#($0)}"# + "\n" }.joined()
    }

    @Test func aLatin1FileInALabelDirectoryIsReadLikeAnASCIIOne() throws {
        let directory = try TemporaryDirectory()
        let files = ByteNamedFiles(root: directory.path)
        defer { files.removeAll() }
        try files.write(ByteNamedFiles.latin1("runs/base/r\u{E9}.jsonl"), Self.jsonl([100, 101, 102]))
        try files.write(ByteNamedFiles.latin1("runs/base/s.jsonl"), Self.jsonl([103, 104]))
        try files.write(ByteNamedFiles.latin1("runs/h\u{E9}ad/r.jsonl"), Self.jsonl([110, 111, 112]))
        let dataset = try DatasetLoader.load(paths: [directory.path + "/runs"])
        // Label names are shown escaped; the labels sort by bytes (b < h).
        #expect(dataset.labels.map(\.label) == ["base", "h\\xE9ad"])
        let base = try #require(dataset.labels.first?.series.first)
        // Values are stored in seconds.
        #expect(base.runs.map { $0.values.map { ($0 * 1e9).rounded() } } == [[100, 101, 102], [103, 104]])
        #expect(base.runs.first?.id == directory.path + "/runs/base/r\\xE9.jsonl")
        // `--output` checks see the file by its identity.
        let found = try DatasetLoader.inputPaths(paths: [directory.path + "/runs"])
        #expect(found.count == 3)
        #expect(found.allSatisfy { FileIdentity($0.path) != nil })
        #expect(
            found.first.map { BytePath($0.path).bytes } == files.path(ByteNamedFiles.latin1("runs/base/r\u{E9}.jsonl")))
    }

    @Test func aBadLatin1FileIsNamedEscapedAtItsLine() throws {
        let directory = try TemporaryDirectory()
        let files = ByteNamedFiles(root: directory.path)
        defer { files.removeAll() }
        try files.write(ByteNamedFiles.latin1("b\u{E9}.jsonl"), Self.jsonl([1]) + "{\"benchmark\":\n")
        let path = BytePath(bytes: files.path(ByteNamedFiles.latin1("b\u{E9}.jsonl"))).string
        #expect {
            try DatasetLoader.load(paths: [path])
        } throws: { error in
            (error as? InputError)?.location.description == directory.path + "/b\\xE9.jsonl:2"
        }
        // The same bytes under the lossy name the command line would give are not found, by that name.
        #expect(throws: InputError.self) { try DatasetLoader.load(paths: [directory.path + "/b\u{FFFD}.jsonl"]) }
    }
}
