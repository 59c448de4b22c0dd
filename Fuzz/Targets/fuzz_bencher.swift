// libFuzzer entry point for the bencher loader (Fuzz/run.sh bencher SECONDS).
import BenchmarkModel
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzIngest.run(bytes, count) { (input, label, context) throws(InputError) in
        // As DatasetLoader reads a text format: UTF-8 or an error.
        guard let text = String(data: input.data, encoding: .utf8) else {
            throw InputError(.malformedLine, at: SourceLocation(file: input.path), "the file is not UTF-8 text")
        }
        return try BencherTextLoader.load(text, path: input.path, into: &label, context: &context)
    }
    return 0
}
