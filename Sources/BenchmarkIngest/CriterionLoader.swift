import BenchmarkModel
import Foundation

enum CriterionLoader {
    static func isCriterionDirectory(_ path: String) -> Bool { false }
    static func load(
        directory: String, into label: inout LabelAccumulator, context: inout IngestContext
    ) throws(InputError) -> FileMetadata {
        throw InputError(.unknownFormat, at: SourceLocation(file: directory), "todo")
    }
}
