import BenchmarkIngest
import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

/// Paths of the committed fixtures and of the shared peer data.
enum Fixtures {
    /// `Tests/BenchmarkIngestTests`.
    static let testsDirectory: String = {
        (#filePath as NSString).deletingLastPathComponent
    }()

    /// `Tests/BenchmarkIngestTests/Fixtures/peers`.
    static let peers = "\(testsDirectory)/Fixtures/peers"

    /// The repository root.
    static let repository: String = {
        ((testsDirectory as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
    }()

    /// `../shared/peers/go-benchstat/testdata`, next to the repository.
    static let goTestdata: String = {
        ((repository as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent("shared/peers/go-benchstat/testdata")
    }()

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}

/// Loads one file as one label and returns its data.
func loadSingle(_ path: String, options: LoadOptions = LoadOptions()) throws -> (LabelData, [InputWarning]) {
    let dataset = try DatasetLoader.load(paths: [path], options: options)
    let label = try #require(dataset.labels.first)
    return (label, dataset.warnings)
}

/// The error thrown by `body`, or a test failure.
func inputError(_ body: () throws(InputError) -> Void) -> InputError? {
    do throws(InputError) {
        try body()
        return nil
    } catch {
        return error
    }
}

extension LabelData {
    /// The series of `name` in `baseUnit`.
    func series(_ name: String, _ baseUnit: String) -> BenchmarkSeries? {
        series.first { $0.benchmark.name == name && $0.unit.baseUnit == baseUnit }
    }
}

/// A malformed input case: file content, the expected error kind, line, and a fragment of the
/// message.
struct BadInput: CustomTestStringConvertible, Sendable {
    let name: String
    let content: String
    let kind: InputError.Kind
    let line: Int?
    let fragment: String
    var fileName: String = "bad.txt"

    var testDescription: String { name }
}

/// Writes `bad` to a temporary file, loads it, and checks the error's kind, file, line and text.
func expectBadInput(_ bad: BadInput, options: LoadOptions = LoadOptions()) throws {
    try withTemporaryDirectory { directory in
        let path = try directory.writeFile(bad.fileName, bad.content)
        let error = inputError { () throws(InputError) in _ = try DatasetLoader.load(paths: [path], options: options) }
        let thrown = try #require(error, "expected \(bad.kind) for \(bad.name)")
        #expect(thrown.kind == bad.kind, "\(thrown)")
        #expect(thrown.location.file == path)
        #expect(thrown.location.line == bad.line, "\(thrown)")
        #expect(thrown.description.contains(bad.fragment), "\(thrown)")
        let prefix = bad.line.map { "\(path):\($0): " } ?? "\(path): "
        #expect(thrown.description.hasPrefix(prefix), "\(thrown)")
    }
}
