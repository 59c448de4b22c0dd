import BenchmarkModel
import Foundation

/// One label to load and the inputs behind it, in order.
struct LabelSpec: Sendable {
    /// The label's name: a sub-directory name or a file stem.
    let name: String
    /// The path the label was named after, for duplicate-label messages.
    let origin: String
    /// The files and criterion directories, in order.
    var inputs: [String]
    /// The criterion.rs baseline its criterion directories are read from (nil: the option's).
    var criterionBaseline: String? = nil
}

/// Resolves command-line paths into labels (DESIGN.md, "Input: runs/").
enum LabelDiscovery {
    private enum Kind {
        case file
        case criterion
        case directory
    }

    private static func kind(_ path: String) throws(InputError) -> Kind {
        let found = FileSystem.kind(path)
        guard found.exists else {
            throw InputError(.unreadableFile, at: SourceLocation(file: path), InputFile.missingMessage(path))
        }
        guard found.isDirectory else { return .file }
        if CriterionLoader.isDirectoryOfTrees(path) { return .directory }
        return CriterionLoader.isCriterionDirectory(path) ? .criterion : .directory
    }

    /// The entries of `directory` that can be inputs or labels: no hidden files, no `*.md`,
    /// sorted byte-wise by name (names that are not UTF-8 included: `BytePath`).
    static func entries(_ directory: String) throws(InputError) -> [String] {
        let names: [String]
        do {
            names = try FileSystem.names(in: directory)
        } catch {
            throw InputError(
                .unreadableFile, at: SourceLocation(file: directory), "cannot list the directory (\(error.reason))")
        }
        return
            names
            .filter { !$0.hasPrefix(".") && !$0.lowercased().hasSuffix(".md") }
            .sorted { BytePath($0).bytes.lexicographicallyPrecedes(BytePath($1).bytes) }
            .map { join(directory, $0) }
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The labels for `paths`, as DESIGN.md resolves them:
    /// - one directory: each entry is a label (a sub-directory by its name, a file by its stem,
    ///   a criterion directory by its name);
    /// - one file: one label named by its stem;
    /// - one criterion.rs tree with two or more baselines: one label per baseline, the saved
    ///   named ones (`--save-baseline main`) then `new`, or `base` then `new`;
    /// - several paths: each path is a label (a directory's files are that label's runs).
    /// A criterion.rs directory is always one input; a directory whose sub-directories are each a
    /// criterion.rs tree is a directory of labels.
    static func labels(
        for paths: [String], context: inout IngestContext
    ) throws(InputError) -> [LabelSpec] {
        guard !paths.isEmpty else {
            throw InputError(.noInputFiles, at: SourceLocation(file: "."), "no input paths given")
        }
        var specs: [LabelSpec] = []
        if paths.count == 1, let path = paths.first, try kind(path) == .directory {
            specs = try labelsOfEntries(of: path, filesBesideDirectoriesAreLabels: false, context: &context)
        } else if paths.count == 1, let path = paths.first, try kind(path) == .criterion,
            case let baselines = CriterionLoader.labelBaselines(path), baselines.count > 1
        {
            // One criterion.rs tree with saved baselines (critcmp's use): one label per baseline.
            specs = baselines.map { LabelSpec(name: $0, origin: path, inputs: [path], criterionBaseline: $0) }
        } else {
            for path in paths {
                specs.append(try label(for: path, context: &context))
            }
        }
        try checkDuplicates(specs)
        return specs
    }

    /// Each entry of `directory` as one label (also the layout of `--history DIR`, where files and
    /// sub-directories side by side are all runs). For labels, files beside sub-directories are
    /// skipped with a warning unless `filesBesideDirectoriesAreLabels`.
    static func labelsOfEntries(
        of directory: String, filesBesideDirectoriesAreLabels: Bool = true, context: inout IngestContext
    ) throws(InputError) -> [LabelSpec] {
        guard try kind(directory) == .directory else {
            throw InputError(.noInputFiles, at: SourceLocation(file: directory), "expected a directory of runs")
        }
        let entries = try entries(directory)
        if entries.isEmpty {
            throw InputError(
                .noInputFiles, at: SourceLocation(file: directory),
                "the directory holds no input files (hidden files and *.md are skipped)")
        }
        // When sub-directories are present they are the labels; loose files beside them (a
        // ground-truth file, notes) are skipped with a warning rather than read as labels.
        var kinds: [(String, Kind)] = []
        for entry in entries { kinds.append((entry, try kind(entry))) }
        let hasDirectories = !filesBesideDirectoriesAreLabels && kinds.contains { $0.1 != .file }
        var specs: [LabelSpec] = []
        for (entry, entryKind) in kinds {
            if hasDirectories, entryKind == .file, let special = specialFileKind(entry) {
                // Not a note beside the labels but something in a label's place that cannot be
                // read: say so instead of leaving it out and counting one label too few.
                throw InputError(
                    .unreadableFile, at: SourceLocation(file: entry),
                    "\(special) where a label directory is expected (the labels are the sub-directories of "
                        + "\(BytePath.display(directory))); make it a directory of run files")
            }
            if hasDirectories, entryKind == .file {
                context.warn(
                    SourceLocation(file: entry),
                    "skipped: a file beside label directories (labels are the sub-directories here)")
                continue
            }
            specs.append(try label(for: entry, context: &context))
        }
        try checkDuplicates(specs)
        return specs
    }

    private static func label(for path: String, context: inout IngestContext) throws(InputError) -> LabelSpec {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        switch try kind(path) {
        case .file:
            return LabelSpec(name: BytePath.display(InputFile.stem(trimmed)), origin: path, inputs: [path])
        case .criterion:
            return LabelSpec(
                name: BytePath.display(InputFile.lastComponent(trimmed)), origin: path, inputs: [path])
        case .directory:
            var inputs: [String] = []
            for entry in try entries(path) {
                switch try kind(entry) {
                case .file, .criterion: inputs.append(entry)
                case .directory:
                    context.warn(
                        SourceLocation(file: entry),
                        "skipped: a sub-directory of label \"\(BytePath.display(InputFile.lastComponent(trimmed)))\" "
                            + "that is not a "
                            + "criterion.rs directory")
                }
            }
            if inputs.isEmpty {
                throw InputError(
                    .noInputFiles, at: SourceLocation(file: path),
                    "the directory holds no input files (hidden files and *.md are skipped)")
            }
            return LabelSpec(name: BytePath.display(InputFile.lastComponent(trimmed)), origin: path, inputs: inputs)
        }
    }

    /// "a FIFO (named pipe)", "a socket" or "a device" when `path` is one of those, else nil.
    static func specialFileKind(_ path: String) -> String? {
        guard let info = FileSystem.status(path) else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return nil
        }
    }

    private static func checkDuplicates(_ specs: [LabelSpec]) throws(InputError) {
        var seen: [String: String] = [:]
        for spec in specs {
            if let earlier = seen[spec.name] {
                throw InputError(
                    .duplicateLabel, at: SourceLocation(file: spec.origin),
                    duplicateMessage(spec.name, BytePath.display(earlier), BytePath.display(spec.origin)))
            }
            seen[spec.name] = spec.origin
        }
    }

    /// Names both paths behind a label given twice and says how to lay the runs out instead: two
    /// files with one stem (`a/run1.json`, `b/run1.json`) are usually runs of two labels.
    static func duplicateMessage(_ label: String, _ first: String, _ second: String) -> String {
        let named = "label \"\(label)\" is given twice: by \(first) and by \(second)"
        let bothFiles = (try? kind(first)) == .file && (try? kind(second)) == .file
        guard bothFiles else { return named + "; rename one of them" }
        let directories = [first, second].map { path -> String in
            let directory = (path as NSString).deletingLastPathComponent
            return directory.isEmpty ? "." : directory
        }
        var advice =
            "\(named) (a file given directly is a label named by its stem). To compare runs, lay them out "
            + "one directory per label — runs/base/\(InputFile.lastComponent(first)), "
            + "runs/head/\(InputFile.lastComponent(second)), … — and pass runs/"
        if directories[0] != directories[1] {
            advice += ", or pass the two directories (benchstat analyze \(directories[0]) \(directories[1]))"
        }
        return advice + "; or rename one of the files"
    }
}
