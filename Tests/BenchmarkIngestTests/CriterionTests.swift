import BenchmarkIngest
import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

@Suite("criterion.rs directories")
struct CriterionTests {
    static let runs = "\(Fixtures.peers)/criterion"

    @Test func labelsFromCriterionDirectories() throws {
        let dataset = try DatasetLoader.load(paths: ["\(Self.runs)/base", "\(Self.runs)/head"])
        #expect(dataset.labels.map(\.label) == ["base", "head"])
        let base = try #require(dataset.labels.first)
        #expect(
            base.series.map(\.benchmark.name) == ["fib/20", "fib/iterative", "sort/std/1000", "sort/unstable/1000"])
        #expect(base.files.map(\.format) == [InputFormat.criterionDirectory.rawValue])
        let fib = try #require(base.series("fib/20", "s"))
        #expect(fib.runs.count == 1)
        #expect(fib.sampleCount == 100)
        #expect(fib.allValues.first == 1_005_016.0 / 47.0 * 1e-9)
        #expect(fib.benchmark.parameters == [KeyValue("group", "fib"), KeyValue("value", "20")])
    }

    @Test func criterionDirectoryIsOneInputNotLabels() throws {
        #expect(try InputFormatDetector.detect(path: "\(Self.runs)/base") == .criterionDirectory)
        let dataset = try DatasetLoader.load(paths: ["\(Self.runs)/base/target/criterion"])
        #expect(dataset.labels.map(\.label) == ["criterion"])
        let previous = try DatasetLoader.load(
            paths: ["\(Self.runs)/base/target/criterion"], options: LoadOptions(criterionBaseline: "base"))
        #expect(previous.labels.first?.series.isEmpty == false)
    }

    static func tree(_ sample: String) throws -> (TemporaryDirectory, String) {
        let directory = try TemporaryDirectory()
        try directory.writeFile("crit/g/b/new/benchmark.json", #"{"group_id":"g","function_id":"b","full_id":"g/b"}"#)
        let path = try directory.writeFile("crit/g/b/new/sample.json", sample)
        return (directory, path)
    }

    static let bad: [(String, String, InputError.Kind, String)] = [
        ("lengths differ", #"{"iters":[1,2],"times":[5]}"#, .malformedLine, "expected equal lengths"),
        ("time is a string", #"{"iters":[1],"times":["5"]}"#, .wrongType, "expected a number"),
        ("missing times", #"{"iters":[1]}"#, .missingField, "missing field \"times\""),
        ("zero iterations", #"{"iters":[0],"times":[5]}"#, .valueOutOfRange, "value must be > 0"),
        ("negative time", #"{"iters":[1],"times":[-5]}"#, .valueOutOfRange, "value must be > 0"),
        ("NaN time", #"{"iters":[1],"times":[NaN]}"#, .nonFiniteValue, "finite"),
        ("truncated", #"{"iters":[1],"times":[5"#, .malformedLine, "invalid JSON"),
    ]

    @Test(arguments: bad.indices)
    func rejects(_ index: Int) throws {
        let (name, sample, kind, fragment) = Self.bad[index]
        let (directory, path) = try Self.tree(sample)
        defer { directory.remove() }
        let error = inputError { () throws(InputError) in
            _ = try DatasetLoader.load(paths: ["\(directory.path)/crit"])
        }
        let thrown = try #require(error, "\(name)")
        #expect(thrown.kind == kind, "\(name): \(thrown)")
        #expect(thrown.location.file == path, "\(name): \(thrown)")
        #expect(thrown.location.line == 1, "\(name): \(thrown)")
        #expect(thrown.description.contains(fragment), "\(name): \(thrown)")
    }
}
