import BenchmarkModel
import Foundation

/// Loads a criterion.rs output directory (criterion.rs book, "Frequently Asked Questions" and
/// the `target/criterion/<group>/<function>/<value>/{new,base}/` layout its `fs` module writes).
///
/// The directory may be a project directory holding `target/criterion`, a `target` directory
/// holding `criterion`, or `target/criterion` itself. Every benchmark directory below it (at any
/// depth up to four, `report/` excluded) that has `<baseline>/sample.json` is one benchmark:
/// `<baseline>` is `LoadOptions.criterionBaseline` (`new` by default, `base` for criterion's
/// previous run). `sample.json` holds `iters` and `times` (total nanoseconds per sample); each
/// sample is the per-iteration time `times[i] / iters[i]` in ns. The name is `benchmark.json`'s
/// `full_id`, else `group_id/function_id/value_str`, else the directory path; `group_id`,
/// `function_id` and `value_str` become parameters (`group`, `function`, `value`). The whole
/// directory is one run. Benchmarks are read in byte-wise sorted directory order.
enum CriterionLoader {
    /// Whether `path` is a criterion.rs directory: it (or its `target/criterion` or `criterion`)
    /// holds `*/new/sample.json`, `*/*/new/sample.json` or `*/*/*/new/sample.json` (or `base/`).
    static func isCriterionDirectory(_ path: String) -> Bool {
        guard FileSystem.isDirectory(path) else { return false }
        return hasBenchmarks(root(path), depth: 3)
    }

    /// Whether `path` is a directory of criterion.rs trees, one per sub-directory (`runs/<label>/`
    /// after `cp -r target/criterion runs/<label>/`, or each holding `criterion/` or
    /// `target/criterion/`): each sub-directory is then a label, not a group of one tree.
    ///
    /// A sub-directory is a tree of its own when it holds `criterion/` or `target/criterion/`, or
    /// when its first benchmark's `benchmark.json` gives a `directory_name` that, taken from the
    /// sub-directory, is that benchmark's directory (a group of a tree gives a path one level too
    /// deep). Without `benchmark.json` nothing tells the two apart: the directory stays one tree.
    static func isDirectoryOfTrees(_ path: String) -> Bool {
        guard root(path) == path else { return false }
        let children = subdirectories(path)
        return !children.isEmpty && children.allSatisfy(isTreeRoot)
    }

    private static func isTreeRoot(_ path: String) -> Bool {
        let treeRoot = root(path)
        if treeRoot != path { return hasBenchmarks(treeRoot, depth: 3) }
        guard let (benchmark, baseline) = firstBenchmark(path, depth: 3),
            let info = try? document("\(benchmark)/\(baseline)/benchmark.json"),
            let node = info["directory_name"], case .string(let directoryName) = node.value, !directoryName.isEmpty
        else { return false }
        return LabelDiscovery.join(path, directoryName) == benchmark
    }

    /// The first benchmark directory below `path` (sorted order) and a baseline it has.
    private static func firstBenchmark(_ path: String, depth: Int) -> (String, String)? {
        guard depth > 0 else { return nil }
        for child in subdirectories(path) {
            for baseline in ["new", "base"]
            where FileSystem.kind("\(child)/\(baseline)/sample.json").exists {
                return (child, baseline)
            }
            if let found = firstBenchmark(child, depth: depth - 1) { return found }
        }
        return nil
    }

    /// The baselines of one criterion.rs tree to read as labels, in order: its saved named
    /// baselines (`--save-baseline main`: `<bench>/main/sample.json`) sorted, then `new`; or, with
    /// no named baseline, `base` then `new`. Empty when the tree has fewer than two of them.
    static func labelBaselines(_ path: String) -> [String] {
        var names = Set<String>()
        var visited = Set<FileIdentity>()
        collectBaselines(root(path), depth: 4, into: &names, visited: &visited)
        guard names.contains("new") else { return [] }
        let saved = names.subtracting(["new", "base", "change"]).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        if !saved.isEmpty { return saved + ["new"] }
        return names.contains("base") ? ["base", "new"] : []
    }

    /// Adds the names of the sub-directories holding `sample.json` of every benchmark directory
    /// below `path` to `names`.
    private static func collectBaselines(
        _ path: String, depth: Int, into names: inout Set<String>, visited: inout Set<FileIdentity>
    ) {
        guard depth > 0 else { return }
        for child in subdirectories(path) {
            guard let identity = FileIdentity(child), visited.insert(identity).inserted else { continue }
            let baselines = subdirectories(child).filter { FileSystem.kind("\($0)/sample.json").exists }
            if baselines.isEmpty {
                collectBaselines(child, depth: depth - 1, into: &names, visited: &visited)
            } else {
                for baseline in baselines { names.insert(InputFile.lastComponent(baseline)) }
            }
        }
    }

    private static func root(_ path: String) -> String {
        for candidate in ["target/criterion", "criterion"] {
            let full = LabelDiscovery.join(path, candidate)
            if FileSystem.isDirectory(full) { return full }
        }
        return path
    }

    private static func subdirectories(_ path: String) -> [String] {
        let names = (try? FileSystem.names(in: path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "report" }
            .sorted { BytePath($0).bytes.lexicographicallyPrecedes(BytePath($1).bytes) }
            .map { LabelDiscovery.join(path, $0) }
            .filter { FileSystem.isDirectory($0) }
    }

    private static func hasBenchmarks(_ path: String, depth: Int) -> Bool {
        guard depth > 0 else { return false }
        for child in subdirectories(path) {
            for baseline in ["new", "base"]
            where FileSystem.kind("\(child)/\(baseline)/sample.json").exists {
                return true
            }
            if hasBenchmarks(child, depth: depth - 1) { return true }
        }
        return false
    }

    /// The benchmark directories below `path` that have `baseline/sample.json`. Each directory is
    /// entered once (by device and inode): a symbolic link back up the tree, or two links to one
    /// benchmark, would otherwise read its samples twice.
    private static func benchmarkDirectories(
        _ path: String, baseline: String, depth: Int, visited: inout Set<FileIdentity>
    ) -> [String] {
        guard depth > 0 else { return [] }
        var found: [String] = []
        for child in subdirectories(path) {
            guard let identity = FileIdentity(child), visited.insert(identity).inserted else { continue }
            if FileSystem.kind("\(child)/\(baseline)/sample.json").exists {
                found.append(child)
            } else {
                found += benchmarkDirectories(child, baseline: baseline, depth: depth - 1, visited: &visited)
            }
        }
        return found
    }

    /// Reads the benchmarks of `directory` from their `baseline` directory (nil:
    /// `LoadOptions.criterionBaseline`).
    static func load(
        directory: String, baseline chosen: String? = nil, into label: inout LabelAccumulator,
        context: inout IngestContext
    ) throws(InputError) -> FileMetadata {
        let baseline = chosen ?? context.options.criterionBaseline
        let root = root(directory)
        var visited = Set<FileIdentity>()
        if let identity = FileIdentity(root) { visited.insert(identity) }
        let benchmarks = benchmarkDirectories(root, baseline: baseline, depth: 4, visited: &visited)
        if benchmarks.isEmpty {
            throw InputError(
                .unsupportedOption, at: SourceLocation(file: directory),
                "no criterion benchmark has a \"\(baseline)/sample.json\" (choose another criterion baseline)")
        }
        let nanoseconds = MeasurementUnit.parse("ns")
        for benchmark in benchmarks {
            let samplePath = "\(benchmark)/\(baseline)/sample.json"
            let sample = try document(samplePath)
            let fields = JSONFields(file: samplePath)
            let iters = try fields.array(fields.member(sample, "iters", "", in: "criterion's sample.json"), "iters")
            let times = try fields.array(fields.member(sample, "times", "", in: "criterion's sample.json"), "times")
            guard iters.count == times.count else {
                throw .malformed(
                    samplePath, line: sample.line,
                    "\"iters\" has \(iters.count) entries but \"times\" has \(times.count); expected equal lengths")
            }
            var name = String(benchmark.dropFirst(root.count + 1))
            var parameters: [KeyValue] = []
            let infoPath = "\(benchmark)/\(baseline)/benchmark.json"
            if FileSystem.kind(infoPath).exists {
                let info = try document(infoPath)
                let parts = ["group_id", "function_id", "value_str"].compactMap { key -> (String, String)? in
                    guard let node = info[key], case .string(let text) = node.value else { return nil }
                    return (key, text)
                }
                for (key, text) in parts {
                    let parameter = ["group_id": "group", "function_id": "function", "value_str": "value"][key] ?? key
                    parameters.append(KeyValue(parameter, text))
                }
                if let node = info["full_id"], case .string(let text) = node.value {
                    name = text
                } else if !parts.isEmpty {
                    name = parts.map(\.1).joined(separator: "/")
                }
            }
            if iters.isEmpty {
                // No samples (`iters: []`): the benchmark is missing on this side, said where.
                context.warn(
                    SourceLocation(file: samplePath, line: sample.line),
                    "benchmark \"\(name)\" has no samples here (\"iters\" and \"times\" are empty); it is left "
                        + "out of label \"\(label.label)\" (missing on this side)")
                continue
            }
            let series = try label.series(
                name: name, parameters: parameters, unit: nanoseconds, mode: nil, line: sample.line,
                context: &context)
            for (index, (iterNode, timeNode)) in zip(iters, times).enumerated() {
                let iterations = try fields.number(iterNode, "iters[\(index)]")
                let time = try fields.number(timeNode, "times[\(index)]")
                guard iterations > 0, iterations.isFinite else {
                    throw InputError(
                        .valueOutOfRange, at: SourceLocation(file: samplePath, line: iterNode.line, field: "iters"),
                        "field \"iters[\(index)]\": value must be > 0, found \(formatNumber(iterations))")
                }
                try label.append(
                    time / iterations, unit: nanoseconds, series: series, run: BytePath.display(directory),
                    line: timeNode.line,
                    field: "times[\(index)]", file: samplePath)
            }
        }
        return FileMetadata(
            path: directory, format: InputFormat.criterionDirectory.rawValue,
            entries: [KeyValue("baseline", baseline), KeyValue("benchmarks", String(benchmarks.count))])
    }

    private static func document(_ path: String) throws(InputError) -> JSONNode {
        let input = try InputFile.read(path)
        let result: Result<JSONNode, InputError> = input.data.withUnsafeBytes { buffer in
            do throws(InputError) {
                return .success(try JSONParser.parseDocument(buffer, file: path))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
