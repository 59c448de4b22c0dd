import BenchmarkIngest
import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

/// Inputs that crashed a fuzz target (`Fuzz/run.sh TARGET SECONDS`), kept as regular tests after the
/// fix. Each must load or fail with an `InputError`, never trap.
@Suite struct FuzzReproducerTests {
    func load(_ bytes: [UInt8], name: String) throws -> Result<Dataset, InputError> {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.writeFile(name, Data(bytes))
        do throws(InputError) {
            return .success(try DatasetLoader.loadLabel(named: "fuzz", inputs: [path]))
        } catch {
            return .failure(error)
        }
    }

    /// fuzz-go: a `key: value` line whose key holds invalid UTF-8 counted each bad byte as the three
    /// bytes of U+FFFD, so the colon's offset ran past the line ("Range requires lowerBound <=
    /// upperBound" in `GoBenchmarkTextReader.keyValueParts`).
    @Test func goConfigurationKeyWithInvalidUTF8() throws {
        let line = Array("go".utf8) + [UInt8](repeating: 0xFF, count: 60) + Array("os: linux\n".utf8)
        let result = try load(line + Array("BenchmarkSort-2  100  5887 ns/op\n".utf8), name: "go.txt")
        let dataset = try result.get()
        let values = dataset.labels.first?.series.first?.allValues ?? []
        #expect(values.count == 1 && abs((values.first ?? 0) - 5887e-9) < 1e-18)
        let keys = dataset.labels.first?.files.first?.entries.map(\.key) ?? []
        #expect(keys.count == 1 && keys.first?.hasPrefix("go") == true)
        // A lone invalid byte first, and bad bytes right before the colon.
        for bytes: [UInt8] in [[0xC3, 0x3A, 0x20, 0x78], [0x61, 0xE2, 0x82, 0x3A, 0x20, 0x78], [0x61, 0xF0, 0x3A]] {
            _ = try load(bytes + Array("\nBenchmarkX 1 1 ns/op\n".utf8), name: "go.txt")
        }
    }
}
