// libFuzzer entry point for the jsonl loader (Fuzz/run.sh jsonl SECONDS).
import BenchmarkModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzIngest.run(bytes, count) { (input, label, context) throws(InputError) in
        try CanonicalJSONLinesLoader.load(input, into: &label, context: &context)
    }
    return 0
}
