// Shared by the ingest fuzz targets: compiled into the same module as Sources/BenchmarkIngest, so
// it reaches the loaders' internal entry points directly (no temporary files, no format detection
// in the way). Every input must end in a returned value or a thrown InputError: a crash, a
// sanitizer report, a timeout or a leak is a bug.
import BenchmarkModel
import Foundation

enum FuzzIngest {
    /// Runs `body` on a fresh label and context, then finishes the label as DatasetLoader does.
    static func run(
        _ bytes: UnsafePointer<UInt8>, _ count: Int,
        _ body: (InputFile, inout LabelAccumulator, inout IngestContext) throws(InputError) -> FileMetadata
    ) {
        let input = InputFile(path: "fuzz.input", data: Data(bytes: bytes, count: count))
        var label = LabelAccumulator(label: "fuzz")
        var context = IngestContext(options: LoadOptions())
        label.beginFile(input.path)
        do {
            let metadata = try body(input, &label, &context)
            label.endFile(metadata)
            let data = try label.finish(context: &context)
            for series in data.series {
                for value in series.allValues where !(value.isFinite && value >= 0) {
                    fatalError("loader accepted a value outside the contract: \(value)")
                }
            }
        } catch {
            _ = error.description
        }
    }

    /// Runs a line loader on the input read through a `LineReader` with a chunk size of 1 to 64
    /// bytes (taken from the input's length), so that lines straddle the reader's refills.
    static func runLines(
        _ bytes: UnsafePointer<UInt8>, _ count: Int,
        _ loader: (LineReader, inout LabelAccumulator, inout IngestContext) throws(InputError) -> FileMetadata
    ) {
        run(bytes, count) { (input, label, context) throws(InputError) in
            try loader(lineReader(input), &label, &context)
        }
    }

    /// A `LineReader` over the bytes of `input`, with a small chunk size that depends on them.
    static func lineReader(_ input: InputFile) -> LineReader {
        LineReader(path: input.path, contents: Array(input.data), chunkSize: 1 + input.data.count % 64)
    }

    /// Parses the input as one JSON document, then hands it to a JSON loader.
    static func runJSON(
        _ bytes: UnsafePointer<UInt8>, _ count: Int,
        _ loader: (JSONNode, String, inout LabelAccumulator, inout IngestContext) throws(InputError) -> FileMetadata
    ) {
        run(bytes, count) { (input, label, context) throws(InputError) in
            let result: Result<JSONNode, InputError> = input.data.withUnsafeBytes { buffer in
                do throws(InputError) {
                    return .success(try JSONParser.parseDocument(buffer, file: input.path))
                } catch {
                    return .failure(error)
                }
            }
            return try loader(result.get(), input.path, &label, &context)
        }
    }
}
