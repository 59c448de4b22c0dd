// libFuzzer entry point for the go loader (Fuzz/run.sh go SECONDS).
import BenchmarkModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzIngest.runLines(bytes, count) { (reader, label, context) throws(InputError) in
        try GoBenchmarkTextLoader.load(reader, into: &label, context: &context)
    }
    return 0
}
