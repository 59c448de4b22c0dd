// libFuzzer entry point for the valgrind loader (Fuzz/run.sh valgrind SECONDS).
import BenchmarkModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzIngest.run(bytes, count) { (input, label, context) throws(InputError) in
        let format: InputFormat = count % 2 == 0 ? .callgrind : .cachegrind
        return try ValgrindLoader.load(input, format: format, into: &label, context: &context)
    }
    return 0
}
