import BenchmarkModel

enum HyperfineLoader {
    static func load(
        _ document: JSONNode, path: String, into label: inout LabelAccumulator, context: inout IngestContext
    ) throws(InputError) -> FileMetadata {
        throw InputError(.unknownFormat, at: SourceLocation(file: path), "todo")
    }
}
