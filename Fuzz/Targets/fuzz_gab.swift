// libFuzzer entry point for the gab loader (Fuzz/run.sh gab SECONDS).
import BenchmarkModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzIngest.runJSON(bytes, count) { (document, path, label, context) throws(InputError) in
        try GitHubActionBenchmarkLoader.load(document, path: path, into: &label, context: &context)
    }
    return 0
}
