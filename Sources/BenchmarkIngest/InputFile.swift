import BenchmarkModel
import Foundation

/// The bytes of one input file (memory-mapped where the platform allows it), or of its first part.
struct InputFile {
    /// The path as given or discovered, used in every message.
    let path: String
    /// The file's content.
    let data: Data

    /// Reads `path`.
    ///
    /// - Throws: `unreadableFile` when it is missing, a directory or cannot be read.
    /// The content as UTF-8 text, for the formats read as a whole `String` (Catch2 XML, bencher text).
    ///
    /// - Throws: `malformedLine` naming the file when the bytes are not UTF-8.
    func utf8Text() throws(InputError) -> String {
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(.malformedLine, at: SourceLocation(file: path), "the file is not UTF-8 text")
        }
        return text
    }

    static func read(_ path: String) throws(InputError) -> InputFile {
        let size = try regularFileSize(path)
        // Foundation on Linux leaks a 4 KB buffer for every empty file it reads (found by fuzzing).
        if size == 0 { return InputFile(path: path, data: Data()) }
        guard BytePath(path).isPlain else {
            // A name that is not UTF-8: Foundation's URL cannot spell it, read(2) through the bytes.
            do {
                return InputFile(path: path, data: try FileSystem.contents(path, size: size))
            } catch {
                throw InputError(
                    .unreadableFile, at: SourceLocation(file: path), "cannot read the file (\(error.reason))")
            }
        }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
            return InputFile(path: path, data: data)
        } catch {
            throw InputError(
                .unreadableFile, at: SourceLocation(file: path), "cannot read the file (\(error.localizedDescription))")
        }
    }

    /// At most the first `limit` bytes of `path`, for detecting its format without reading it
    /// whole; `isWholeFile` says whether they are the whole file.
    ///
    /// - Throws: what `read(_:)` throws.
    static func readPrefix(_ path: String, limit: Int) throws(InputError) -> (input: InputFile, isWholeFile: Bool) {
        let size = try regularFileSize(path)
        if size == 0 { return (InputFile(path: path, data: Data()), true) }
        let descriptor = FileSystem.open(path, O_RDONLY | O_CLOEXEC)
        // The whole-file reader gives the message for a file that cannot be opened.
        guard descriptor >= 0 else { return (try read(path), true) }
        defer { close(descriptor) }
        var data = Data(count: limit)
        var count = 0
        var atEnd = false
        var failed = false
        data.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while count < limit {
                let got = Foundation.read(descriptor, base + count, limit - count)
                if got > 0 {
                    count += got
                } else if got == 0 {
                    atEnd = true
                    return
                } else if errno != EINTR {
                    failed = true
                    return
                }
            }
        }
        if failed { return (try read(path), true) }
        data.count = count
        return (InputFile(path: path, data: data), atEnd)
    }

    /// The size of `path`.
    ///
    /// - Throws: `unreadableFile` when it is missing or not a regular file.
    private static func regularFileSize(_ path: String) throws(InputError) -> Int {
        guard let info = FileSystem.status(path) else {
            throw InputError(.unreadableFile, at: SourceLocation(file: path), missingMessage(path))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR:
            throw InputError(.unreadableFile, at: SourceLocation(file: path), "expected a file, found a directory")
        default:
            // A FIFO or a device would block or never end: refuse it rather than wait.
            throw InputError(
                .unreadableFile, at: SourceLocation(file: path),
                "not a regular file (a FIFO, socket or device); write the results to a file first")
        }
        return Int(info.st_size)
    }

    /// Why `path` cannot be found: it does not exist, or it is a symbolic link that leads nowhere.
    static func missingMessage(_ path: String) -> String {
        FileSystem.status(path, following: false) != nil
            ? "a broken symbolic link or a symbolic link loop" : "no such file or directory"
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
