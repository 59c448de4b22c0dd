import BenchmarkIngest
import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

@Suite("Discovery of runs/")
struct DiscoveryTests {
    static let sample = #"{"benchmark":"x","unit":"ns","value":1}"# + "\n"

    @Test func subDirectoriesAreLabelsAndFilesAreRuns() throws {
        try withTemporaryDirectory { directory in
            try directory.writeFile("runs/head/2.jsonl", Self.sample)
            try directory.writeFile("runs/head/10.jsonl", Self.sample)
            try directory.writeFile("runs/base/a.jsonl", Self.sample)
            try directory.writeFile("runs/base/README.md", "# notes")
            try directory.writeFile("runs/base/.hidden", "garbage")
            try directory.writeFile("runs/README.md", "# notes")
            let dataset = try DatasetLoader.load(paths: ["\(directory.path)/runs"])
            #expect(dataset.labels.map(\.label) == ["base", "head"])
            let head = try #require(dataset.label(named: "head")?.series("x", "s"))
            #expect(head.runs.map { ($0.id as NSString).lastPathComponent } == ["10.jsonl", "2.jsonl"])
            #expect(dataset.label(named: "base")?.files.count == 1)
        }
    }

    @Test func filesBesideLabelDirectoriesAreSkippedWithAWarning() throws {
        try withTemporaryDirectory { directory in
            try directory.writeFile("runs/base/a.jsonl", Self.sample)
            try directory.writeFile("runs/head/a.jsonl", Self.sample)
            try directory.writeFile("runs/ground-truth.json", #"{"x": {"expected": "no-change"}}"#)
            let dataset = try DatasetLoader.load(paths: ["\(directory.path)/runs"])
            #expect(dataset.labels.map(\.label) == ["base", "head"])
            #expect(dataset.warnings.count == 1)
            #expect(dataset.warnings.first?.location.file.hasSuffix("runs/ground-truth.json") == true)
        }
    }

    @Test func filesOfADirectoryAreLabelsByStem() throws {
        try withTemporaryDirectory { directory in
            try directory.writeFile("runs/head.jsonl", Self.sample)
            try directory.writeFile("runs/base.txt", "BenchmarkX 1 1 ns/op\n")
            let dataset = try DatasetLoader.load(paths: ["\(directory.path)/runs/"])
            #expect(dataset.labels.map(\.label) == ["base", "head"])
            #expect(
                dataset.labels.map { $0.files.first?.format } == [
                    InputFormat.goBenchmarkText.rawValue, InputFormat.canonicalJSONLines.rawValue,
                ])
        }
    }

    @Test func severalPathsKeepTheGivenOrder() throws {
        try withTemporaryDirectory { directory in
            let new = try directory.writeFile("new.jsonl", Self.sample)
            try directory.writeFile("old/r1.jsonl", Self.sample)
            try directory.writeFile("old/r2.jsonl", Self.sample)
            let dataset = try DatasetLoader.load(paths: [new, "\(directory.path)/old"])
            #expect(dataset.labels.map(\.label) == ["new", "old"])
            #expect(dataset.label(named: "old")?.series.first?.runs.count == 2)
        }
    }

    @Test func historyEntriesAreRuns() throws {
        try withTemporaryDirectory { directory in
            try directory.writeFile("history/2024-01-02.jsonl", Self.sample)
            try directory.writeFile("history/2024-01-01/a.jsonl", Self.sample)
            let history = try DatasetLoader.loadHistory(directory: "\(directory.path)/history")
            #expect(history.map(\.label) == ["2024-01-01", "2024-01-02"])
        }
    }

    @Test func incompatibleUnitsAcrossFilesOfOneLabel() throws {
        try withTemporaryDirectory { directory in
            let first = try directory.writeFile("head/a.jsonl", Self.sample)
            let second = try directory.writeFile(
                "head/b.jsonl", #"{"benchmark":"x","unit":"instructions","value":5}"# + "\n")
            let error = inputError { () throws(InputError) in
                _ = try DatasetLoader.loadLabel(named: "head", inputs: [first, second])
            }
            let thrown = try #require(error)
            #expect(thrown.kind == .incompatibleUnits)
            #expect(thrown.location.file == second)
            #expect(thrown.description.contains(first))
        }
    }

    @Test func duplicateLabels() throws {
        try withTemporaryDirectory { directory in
            let a = try directory.writeFile("a/base.jsonl", Self.sample)
            let b = try directory.writeFile("b/base.txt", "BenchmarkX 1 1 ns/op\n")
            let error = inputError { () throws(InputError) in _ = try DatasetLoader.load(paths: [a, b]) }
            let thrown = try #require(error)
            #expect(thrown.kind == .duplicateLabel)
            // Both files, why they clash, and a layout that works instead.
            let dirA = (a as NSString).deletingLastPathComponent
            let dirB = (b as NSString).deletingLastPathComponent
            #expect(
                thrown.description
                    == "\(b): label \"base\" is given twice: by \(a) and by \(b) (a file given directly is a label "
                    + "named by its stem). To compare runs, lay them out one directory per label — "
                    + "runs/base/base.jsonl, runs/head/base.txt, … — and pass runs/, or pass the two directories "
                    + "(benchstat analyze \(dirA) \(dirB)); or rename one of the files")
        }
    }

    /// Two files of one stem in one directory: the layout advice, without the two-directories one.
    @Test func duplicateStemsInOneDirectory() throws {
        try withTemporaryDirectory { directory in
            let a = try directory.writeFile("x/run1.jsonl", Self.sample)
            let b = try directory.writeFile("x/run1.txt", "BenchmarkX 1 1 ns/op\n")
            let error = inputError { () throws(InputError) in _ = try DatasetLoader.load(paths: [a, b]) }
            let thrown = try #require(error)
            #expect(thrown.description.contains("by \(a) and by \(b)"))
            #expect(thrown.description.contains("runs/base/run1.jsonl, runs/head/run1.txt"))
            #expect(!thrown.description.contains("pass the two directories"))
        }
    }

    /// Two directories of one name: both named; renaming is the advice (a layout is already in use).
    @Test func duplicateDirectoryLabels() throws {
        try withTemporaryDirectory { directory in
            let a = try directory.writeFile("one/base/r.jsonl", Self.sample)
            let b = try directory.writeFile("two/base/r.jsonl", Self.sample)
            let dirA = (a as NSString).deletingLastPathComponent
            let dirB = (b as NSString).deletingLastPathComponent
            let error = inputError { () throws(InputError) in _ = try DatasetLoader.load(paths: [dirA, dirB]) }
            let thrown = try #require(error)
            #expect(
                thrown.description
                    == "\(dirB): label \"base\" is given twice: by \(dirA) and by \(dirB); rename one of them")
        }
    }

    @Test func emptyDirectoryAndMissingPath() throws {
        try withTemporaryDirectory { directory in
            let empty = try directory.makeDirectory("runs")
            try directory.writeFile("runs/README.md", "only docs")
            let error = inputError { () throws(InputError) in _ = try DatasetLoader.load(paths: [empty]) }
            #expect(error?.kind == .noInputFiles)
            let missing = inputError { () throws(InputError) in
                _ = try DatasetLoader.load(paths: ["\(directory.path)/nope"])
            }
            #expect(missing?.kind == .unreadableFile)
            #expect(missing?.description == "\(directory.path)/nope: no such file or directory")
            let emptyLabel = try directory.makeDirectory("runs2/base")
            try directory.writeFile("runs2/head/x.jsonl", Self.sample)
            let labelError = inputError { () throws(InputError) in
                _ = try DatasetLoader.load(paths: ["\(directory.path)/runs2"])
            }
            #expect(labelError?.kind == .noInputFiles)
            #expect(labelError?.location.file == emptyLabel)
        }
    }

    @Test func unknownFormat() throws {
        try withTemporaryDirectory { directory in
            let path = try directory.writeFile("base.json", #"{"hello": [1, 2]}"#)
            let error = inputError { () throws(InputError) in _ = try DatasetLoader.load(paths: [path]) }
            #expect(error?.kind == .unknownFormat)
            #expect(error?.description.hasPrefix("\(path):1: unknown JSON input") == true)
        }
    }
}
