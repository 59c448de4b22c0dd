// libFuzzer entry point for the csv loader (Fuzz/run.sh csv SECONDS).
import BenchmarkModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzIngest.run(bytes, count) { (input, label, context) throws(InputError) in
        try CanonicalCSVLoader.load(input, into: &label, context: &context)
    }
    return 0
}
