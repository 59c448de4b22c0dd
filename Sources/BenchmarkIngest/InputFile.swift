import BenchmarkModel
import Foundation

/// The bytes of one input file, memory-mapped where the platform allows it.
struct InputFile {
    /// The path as given or discovered, used in every message.
    let path: String
    /// The file's content.
    let data: Data

    /// Reads `path`.
    ///
    /// - Throws: `unreadableFile` when it is missing, a directory or cannot be read.
    static func read(_ path: String) throws(InputError) -> InputFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(.unreadableFile, at: SourceLocation(file: path), "no such file or directory")
        }
        if isDirectory.boolValue {
            throw InputError(.unreadableFile, at: SourceLocation(file: path), "expected a file, found a directory")
        }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
            return InputFile(path: path, data: data)
        } catch {
            throw InputError(
                .unreadableFile, at: SourceLocation(file: path), "cannot read the file (\(error.localizedDescription))")
        }
    }

    /// The file name without directories and without its last extension (`runs/base.jsonl` →
    /// `base`).
    static func stem(_ path: String) -> String {
        let name = (path as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        return stem.isEmpty ? name : stem
    }

    /// The last path component (`runs/base/` → `base`).
    static func lastComponent(_ path: String) -> String {
        (path as NSString).lastPathComponent
    }
}
