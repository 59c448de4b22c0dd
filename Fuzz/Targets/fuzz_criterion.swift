// libFuzzer entry point for the criterion.rs loader (Fuzz/run.sh criterion SECONDS). The input is
// `sample.json`, optionally followed by a NUL byte and `benchmark.json`; both are written to a
// per-process directory laid out as `target/criterion/<bench>/new/`, which the loader then reads.
import BenchmarkModel
import Foundation

private let criterionRoot: String = {
    let root = NSTemporaryDirectory() + "benchstat-fuzz-criterion-\(getpid())"
    try? FileManager.default.createDirectory(
        atPath: root + "/target/criterion/group/bench/new", withIntermediateDirectories: true)
    return root
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    let directory = criterionRoot + "/target/criterion/group/bench/new"
    let info = directory + "/benchmark.json"
    if let split = data.firstIndex(of: 0) {
        FileManager.default.createFile(atPath: directory + "/sample.json", contents: data[..<split])
        FileManager.default.createFile(atPath: info, contents: data[(split + 1)...])
    } else {
        FileManager.default.createFile(atPath: directory + "/sample.json", contents: data)
        try? FileManager.default.removeItem(atPath: info)
    }
    var label = LabelAccumulator(label: "fuzz")
    var context = IngestContext(options: LoadOptions())
    label.beginFile(criterionRoot)
    do {
        let metadata = try CriterionLoader.load(directory: criterionRoot, into: &label, context: &context)
        label.endFile(metadata)
        _ = try label.finish(context: &context)
    } catch {
        _ = error.description
    }
    return 0
}
