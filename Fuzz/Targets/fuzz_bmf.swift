// libFuzzer entry point for the bmf loader (Fuzz/run.sh bmf SECONDS).
import BenchmarkModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzIngest.runJSON(bytes, count) { (document, path, label, context) throws(InputError) in
        try BencherMetricFormatLoader.load(document, path: path, into: &label, context: &context)
    }
    return 0
}
