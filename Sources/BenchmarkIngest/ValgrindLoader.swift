import BenchmarkModel

enum ValgrindLoader {
    static func load(
        _ input: InputFile, format: InputFormat, into label: inout LabelAccumulator, context: inout IngestContext
    ) throws(InputError) -> FileMetadata {
        throw InputError(.unknownFormat, at: SourceLocation(file: input.path), "todo")
    }
}
