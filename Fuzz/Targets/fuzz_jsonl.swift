// libFuzzer entry point for the jsonl loader (Fuzz/run.sh jsonl SECONDS).
import BenchmarkModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzIngest.runLines(bytes, count) { (reader, label, context) throws(InputError) in
        try CanonicalJSONLinesLoader.load(reader, into: &label, context: &context)
    }
    return 0
}
