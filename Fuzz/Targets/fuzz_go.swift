// libFuzzer entry point for the go loader (Fuzz/run.sh go SECONDS).
import BenchmarkModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzIngest.run(bytes, count) { (input, label, context) throws(InputError) in
        try GoBenchmarkTextLoader.load(input, into: &label, context: &context)
    }
    return 0
}
