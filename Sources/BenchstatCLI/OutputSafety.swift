import BenchmarkIngest
import BenchmarkModel
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Refuses an `--output` that names a file the run reads: an input, a `--history` run or the
/// `--config` file, in any spelling (`./`, `..`, a symbolic link, a hard link). Checked before
/// anything is read, so that the report can never replace its own data.
enum OutputSafety {
    /// One file the run reads and what it is, in words ("an input of label \"base\"").
    struct Role {
        let path: String
        let role: String
    }

    /// The files that `analyze` will read. Discovery errors are left to the loading that follows
    /// (it fails on them before any report is written).
    static func roles(paths: [String], history: String?, config: String?) -> [Role] {
        var roles: [Role] = []
        if let config { roles.append(Role(path: config, role: "the --config file")) }
        if let found = try? DatasetLoader.inputPaths(paths: paths) {
            roles += found.map { Role(path: $0.path, role: "an input of label \"\($0.label)\"") }
        }
        if let history {
            // The source itself (a store, or a github-action-benchmark file, for which the runs
            // found below are none) and a store's own files, then the runs of a directory.
            roles += storeRoles(history, role: "the --history source")
            if let found = try? DatasetLoader.historyInputPaths(directory: history) {
                roles += found.map { Role(path: $0.path, role: "a --history run (\"\($0.label)\")") }
            }
        }
        return roles
    }

    /// A history store and the files SQLite keeps beside it (`-wal`, `-shm`, `-journal`): an output
    /// written over any of them would destroy the store.
    static func storeRoles(_ store: String, role: String) -> [Role] {
        [Role(path: store, role: role)]
            + ["-wal", "-shm", "-journal"].map {
                Role(path: store + $0, role: "\(role)'s SQLite \($0.dropFirst()) file")
            }
    }

    /// - Throws: a `CommandFailure` naming `output`, its role as an input and the input's path.
    /// - Parameter naming: what names `output` in the message (`--output`, `GITHUB_STEP_SUMMARY`).
    static func check(output: String, against roles: [Role], naming: String = "--output") throws(CommandFailure) {
        if let identity = FileIdentity(output) {
            for role in roles where FileIdentity(role.path) == identity {
                throw refusal(output, role, naming: naming)
            }
            return
        }
        // No such file yet: compare the canonical directory and name.
        guard let canonical = canonicalPath(output) else { return }
        for role in roles where canonicalPath(role.path) == canonical {
            throw refusal(output, role, naming: naming)
        }
    }

    /// Whether `first` and `second` name one file: the same device and inode when both exist, the
    /// same canonical directory and name when neither does yet.
    static func sameFile(_ first: String, _ second: String) -> Bool {
        let identities = (FileIdentity(first), FileIdentity(second))
        if let one = identities.0, let other = identities.1 { return one == other }
        guard identities.0 == nil, identities.1 == nil, let one = canonicalPath(first) else { return false }
        return one == canonicalPath(second)
    }

    private static func refusal(_ output: String, _ role: Role, naming: String) -> CommandFailure {
        let same = role.path == output ? "" : " (\(BytePath.display(role.path)))"
        return CommandFailure(
            "\(BytePath.display(output)): \(naming) names \(role.role)\(same); refusing to replace it with the report "
                + "(nothing was read or written)")
    }

    /// The real path of `path`'s directory, joined with its last component (both in `BytePath`'s
    /// carrier form, so that a name that is not UTF-8 compares by its bytes).
    private static func canonicalPath(_ path: String) -> String? {
        let parent = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        guard let directory = BytePath(parent.isEmpty ? "." : parent).withCString({ realpath($0, nil) }) else {
            return nil
        }
        defer { free(directory) }
        let bytes = Array(UnsafeBufferPointer(start: directory, count: strlen(directory))).map {
            UInt8(bitPattern: $0)
        }
        return BytePath(bytes: bytes).string + "/" + name
    }
}
