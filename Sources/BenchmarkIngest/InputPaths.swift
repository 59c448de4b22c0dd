import BenchmarkModel
import Foundation

/// A file that loading will read, and the label (or history run) it belongs to.
public struct DiscoveredInput: Sendable, Hashable {
    /// The path as discovered (a file, or a file inside a criterion.rs directory), in `BytePath`'s
    /// carrier form (`BytePath.display` shows it).
    public let path: String
    /// The label, or the history run, the file is read for.
    public let label: String
}

extension DatasetLoader {
    /// Every file that `load(paths:options:)` may read, found the way it finds them (directories are
    /// listed, no file is opened): for a criterion.rs directory, every regular file below it. The CLI
    /// checks `--output` against them before anything is read.
    ///
    /// - Throws: the discovery error `load(paths:options:)` would throw first.
    public static func inputPaths(paths: [String]) throws(InputError) -> [DiscoveredInput] {
        var context = IngestContext(options: LoadOptions())
        return files(of: try LabelDiscovery.labels(for: paths, context: &context))
    }

    /// Every file that `loadHistory(directory:options:)` may read, as `inputPaths(paths:)` finds them.
    public static func historyInputPaths(directory: String) throws(InputError) -> [DiscoveredInput] {
        var context = IngestContext(options: LoadOptions())
        return files(of: try LabelDiscovery.labelsOfEntries(of: directory, context: &context))
    }

    private static func files(of specs: [LabelSpec]) -> [DiscoveredInput] {
        var found: [DiscoveredInput] = []
        for spec in specs {
            for input in spec.inputs {
                var visited = Set<FileIdentity>()
                for path in regularFiles(under: input, visited: &visited, depth: 8) {
                    found.append(DiscoveredInput(path: path, label: spec.name))
                }
            }
        }
        return found
    }

    /// `path` itself when it is not a directory, else the files below it (each directory once).
    private static func regularFiles(under path: String, visited: inout Set<FileIdentity>, depth: Int) -> [String] {
        guard let identity = FileIdentity(path) else { return [path] }
        guard identity.isDirectory else { return [path] }
        guard depth > 0, visited.insert(identity).inserted,
            let names = try? FileSystem.names(in: path)
        else { return [] }
        var files: [String] = []
        for name in names.sorted(by: { BytePath($0).bytes.lexicographicallyPrecedes(BytePath($1).bytes) }) {
            files += regularFiles(under: LabelDiscovery.join(path, name), visited: &visited, depth: depth - 1)
        }
        return files
    }
}

/// A file's device and inode number (after following symbolic links): two paths with the same
/// identity name the same file, however they are spelled (`./`, `..`, links, hard links).
public struct FileIdentity: Sendable, Hashable {
    public let device: UInt64
    public let inode: UInt64
    /// Whether the file is a directory (not part of the identity).
    public let isDirectory: Bool

    /// The identity of the file `path` (in `BytePath`'s carrier form) leads to, or nil when it does
    /// not exist.
    public init?(_ path: String) {
        guard let info = FileSystem.status(path) else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        isDirectory = info.st_mode & S_IFMT == S_IFDIR
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.device == rhs.device && lhs.inode == rhs.inode }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(device)
        hasher.combine(inode)
    }
}
