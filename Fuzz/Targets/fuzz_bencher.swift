// libFuzzer entry point for the bencher loader (Fuzz/run.sh bencher SECONDS).
import BenchmarkModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzIngest.run(bytes, count) { (input, label, context) throws(InputError) in
        try BencherTextLoader.load(input.utf8Text(), path: input.path, into: &label, context: &context)
    }
    return 0
}
