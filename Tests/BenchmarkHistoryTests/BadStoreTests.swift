import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

@testable import BenchmarkHistory

@Suite("History store: bad input")
struct BadStoreTests {
    @Test("a file that is not a database is refused, named, and left unchanged")
    func notADatabase() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.writeFile("history.sqlite", String(repeating: "not a database\n", count: 200))
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for create in [false, true] {
            #expect {
                _ = try HistoryStores.open(path, create: create)
            } throws: { error in
                guard let error = error as? HistoryError else { return false }
                return error.kind == .notADatabase && error.description.hasPrefix(path)
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("a SQLite database of another program is not taken over")
    func foreignDatabase() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("other.sqlite").path
        do {
            let other = try SQLiteConnection(path: path, create: true)
            try other.execute("CREATE TABLE notes (text TEXT)")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        // Neither reading nor recording changes a byte of it (no journal mode set, no schema).
        for create in [false, true] {
            #expect {
                _ = try HistoryStores.open(path, create: create)
            } throws: { error in (error as? HistoryError)?.kind == .notADatabase }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "create: \(create)")
        }
    }

    @Test("reading an empty file leaves it empty (it is not made a database)")
    func emptyFileIsNotMadeADatabase() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("empty.db", "").path
        #expect {
            _ = try HistoryStores.open(path, create: false)
        } throws: { error in (error as? HistoryError)?.kind == .notADatabase }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
    }

    @Test("a missing file is an error for reading, created for recording")
    func missing() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("sub/history.sqlite").path
        #expect {
            _ = try HistoryStores.open(path, create: false)
        } throws: { error in (error as? HistoryError)?.kind == .missing }
        _ = try HistoryStores.open(path, create: true)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test("a locked database is waited for with a bound, then a clear error")
    func locked() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("history.sqlite").path
        _ = try HistoryStores.open(path, create: true)
        let holder = try SQLiteConnection(path: path, create: false)
        try holder.beginWrite()
        defer { holder.rollback() }
        let store = try HistoryStores.open(path, create: false, lockTimeout: .milliseconds(300))
        let start = Date()
        #expect {
            _ = try store.record(
                RunInfo(commit: "c", branch: "main", machine: "m", time: 0), label: StoreFixture.label("c"),
                replace: false)
        } throws: { error in
            guard let error = error as? HistoryError else { return false }
            return error.kind == .locked && error.description.hasPrefix(path) && error.description.contains("locked")
        }
        let waited = Date().timeIntervalSince(start)
        #expect(waited >= 0.25 && waited < 5)
    }

    @Test("a URL that cannot connect is an error that names it without its password")
    func cannotConnect() throws {
        let url = "postgresql://alice:s3cr3t-pw@127.0.0.1:1/bench"
        #expect {
            _ = try HistoryStores.open(url, create: false)
        } throws: { error in
            guard let error = error as? HistoryError else { return false }
            return error.kind == .cannotConnect && !error.description.contains("s3cr3t-pw")
                && error.description.contains("postgresql://alice:***@127.0.0.1:1/bench")
        }
    }

    @Test("URLs are redacted: user-info password and password= parameter")
    func redaction() {
        #expect(ConnectionURL.redacted("postgresql://u:p%40ss@h:5432/db") == "postgresql://u:***@h:5432/db")
        #expect(
            ConnectionURL.redacted("postgres://u@h/db?password=x&sslmode=require")
                == "postgres://u@h/db?password=***&sslmode=require")
        #expect(ConnectionURL.redacted("postgresql://h/db") == "postgresql://h/db")
        #expect(ConnectionURL.redacted("/tmp/a:b@c.sqlite") == "/tmp/a:b@c.sqlite")
        #expect(ConnectionURL.password(in: "postgresql://u:p%40ss@h/db") == "p@ss")
    }

    @Test("samples round-trip through the codec bit for bit")
    func codec() {
        let values: [Double] = [0, 1e-9, .pi, 2_833_126, -0.0, .leastNonzeroMagnitude]
        #expect(SampleCodec.decode(SampleCodec.encode(values)).map(\.bitPattern) == values.map(\.bitPattern))
        #expect(SampleCodec.decodeSizes(SampleCodec.encodeSizes([3, 0, 70000])) == [3, 0, 70000])
        #expect(SampleCodec.splitNames(SampleCodec.joinNames(["a", "", "b,c"])) == ["a", "", "b,c"])
    }

    @Test("series ids round-trip as zigzag varint deltas; consecutive ids take one byte; damaged bytes are refused")
    func idCodec() {
        let ids: [Int64] = [1, 2, 3, 70_000, 5, .max, .min, 0, -1]
        #expect(SampleCodec.decodeIDs(SampleCodec.encodeIDs(ids)) == ids)
        #expect(SampleCodec.encodeIDs(Array(1...1000)).count == 1000)
        #expect(SampleCodec.decodeIDs([]) == [])
        // A varint whose last byte still says "more follows" was cut short.
        #expect(SampleCodec.decodeIDs([0x02, 0x80]) == nil)
        // Eleven continuation bytes exceed 64 bits.
        #expect(SampleCodec.decodeIDs(Array(repeating: 0xFF, count: 11) + [0x01]) == nil)
    }

    @Test("the decoder of a sequence of runs' ids gives each blob's own ids, equal blobs one shared array")
    func idsDecoderOverRuns() {
        let a = SampleCodec.encodeIDs([1, 2, 3])
        let b = SampleCodec.encodeIDs([1, 2, 4])  // as long as `a`, one byte differs
        let blobs: [[UInt8]] = [a, a, b, a, [], [0x02, 0x80], [0x02, 0x80], a, []]
        var decoder = SeriesIDsDecoder()
        let decoded = blobs.map { blob in blob.withUnsafeBytes { decoder.decode($0) } }
        #expect(decoded == blobs.map { SampleCodec.decodeIDs($0) })
        // The second of two equal blobs in a row is the first's array (one buffer), not a copy.
        func buffer(_ ids: [Int64]?) -> UnsafeRawPointer? { ids?.withUnsafeBytes { $0.baseAddress } }
        #expect(buffer(decoded[1]) == buffer(decoded[0]))
        #expect(buffer(decoded[3]) != buffer(decoded[0]))
    }
}
