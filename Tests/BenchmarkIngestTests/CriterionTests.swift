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
        // Its groups are not labels; with `base/` beside `new/` its two baselines are.
        let dataset = try DatasetLoader.load(paths: ["\(Self.runs)/base/target/criterion"])
        #expect(dataset.labels.map(\.label) == ["base", "new"])
        #expect(dataset.labels.allSatisfy { $0.series.count == 4 })
        let previous = try DatasetLoader.load(
            paths: ["\(Self.runs)/base", "\(Self.runs)/head"],
            options: LoadOptions(criterionBaseline: "base"))
        #expect(previous.labels.first?.series.isEmpty == false)
    }

    /// Copies `source` (a directory) to `relative` inside `directory`, creating its parents.
    static func copy(_ source: String, to relative: String, in directory: TemporaryDirectory) throws -> String {
        let target = directory.url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: source, toPath: target.path)
        return target.path
    }

    /// `cp -r target/criterion runs/<label>` (the tree's contents become the label directory) and
    /// `cp -r target/criterion runs/<label>/` into an existing directory (`runs/<label>/criterion`):
    /// a directory of criterion trees is one label per sub-directory.
    @Test(arguments: ["", "/criterion", "/target/criterion"])
    func directoryOfCriterionTreesIsOneLabelEach(inside: String) throws {
        try withTemporaryDirectory { directory in
            for side in ["base", "head"] {
                _ = try Self.copy(
                    "\(Self.runs)/\(side)/target/criterion", to: "runs/\(side)\(inside)", in: directory)
            }
            let runs = directory.url.appendingPathComponent("runs").path
            let dataset = try DatasetLoader.load(paths: [runs])
            #expect(dataset.labels.map(\.label) == ["base", "head"])
            for label in dataset.labels {
                #expect(
                    label.series.map(\.benchmark.name)
                        == ["fib/20", "fib/iterative", "sort/std/1000", "sort/unstable/1000"])
            }
            // Each label reads `new/`: head's fib/20 is the head run, not the base copy beside it.
            let base = try #require(dataset.labels.first?.series("fib/20", "s"))
            let head = try #require(dataset.labels.last?.series("fib/20", "s"))
            #expect(base.allValues != head.allValues)
            #expect(try DatasetLoader.inputPaths(paths: [runs]).contains { $0.label == "head" })
        }
    }

    /// A tree with a saved named baseline (`--save-baseline main`, then `--baseline main`): each
    /// benchmark holds `main/`, `new/`, `base/` and `change/`; the labels are `main` and `new`.
    @Test func namedBaselinesOfOneTreeAreLabels() throws {
        try withTemporaryDirectory { directory in
            let tree = try Self.copy("\(Self.runs)/head/target/criterion", to: "target/criterion", in: directory)
            let benchmarks = ["fib/20", "fib/iterative", "sort/std/1000", "sort/unstable/1000"]
            for benchmark in benchmarks {
                // main/ = the saved baseline (the base run); base/ = a later default run (head).
                try FileManager.default.moveItem(
                    atPath: "\(tree)/\(benchmark)/base", toPath: "\(tree)/\(benchmark)/main")
                try FileManager.default.copyItem(
                    atPath: "\(tree)/\(benchmark)/new", toPath: "\(tree)/\(benchmark)/base")
            }
            let project = directory.url.path
            for path in [tree, project] {
                let dataset = try DatasetLoader.load(paths: [path])
                #expect(dataset.labels.map(\.label) == ["main", "new"])
                let main = try #require(dataset.labels.first)
                let new = try #require(dataset.labels.last)
                #expect(main.series.map(\.benchmark.name) == benchmarks)
                #expect(new.series.map(\.benchmark.name) == benchmarks)
                let base = try DatasetLoader.load(paths: ["\(Self.runs)/base/target/criterion"])
                #expect(main.series("fib/20", "s")?.allValues == base.labels.last?.series("fib/20", "s")?.allValues)
                #expect(main.series("fib/20", "s")?.allValues != new.series("fib/20", "s")?.allValues)
            }
        }
    }

    /// The same flow in a real criterion.rs 0.3.6 tree (`cargo bench --bench work -- --save-baseline
    /// main` on main, then `cargo bench` on a branch where `sum` does 25 % more work): each benchmark
    /// holds `main/`, `new/` and `base/` (the plain run saves its `new/` as `base/` too); the labels
    /// are `main` and `new`, and `base/` is not a third label.
    @Test func namedBaselinesOfARealTreeAreLabels() throws {
        let tree = "\(Fixtures.peers)/criterion-baselines/target/criterion"
        let dataset = try DatasetLoader.load(paths: [tree])
        #expect(dataset.labels.map(\.label) == ["main", "new"])
        let main = try #require(dataset.labels.first)
        let new = try #require(dataset.labels.last)
        #expect(main.series.map(\.benchmark.name) == ["fib", "sum"])
        #expect(new.series.map(\.benchmark.name) == ["fib", "sum"])
        let mainSum = try #require(main.series("sum", "s"))
        let newSum = try #require(new.series("sum", "s"))
        #expect(mainSum.sampleCount == 100)
        let mean = { (values: [Double]) in values.reduce(0, +) / Double(values.count) }
        #expect(mean(newSum.allValues) > 1.15 * mean(mainSum.allValues))
        let fib = try #require(new.series("fib", "s"))
        #expect(fib.runs.count == 1)
        #expect(fib.allValues != main.series("fib", "s")?.allValues)
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
