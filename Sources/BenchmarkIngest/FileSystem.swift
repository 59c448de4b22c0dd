import BenchmarkModel
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system calls discovery and loading make, on paths in `BytePath`'s carrier form: each goes
/// through the path's bytes, so a file whose name is not UTF-8 (Latin-1 `r\xE9.txt`) is found,
/// listed and opened like any other.
public enum FileSystem {
    /// `stat(2)` (or `lstat(2)` when not `following` links) of `path`, or nil with `errno` set.
    public static func status(_ path: String, following: Bool = true) -> stat? {
        var info = stat()
        let result = BytePath(path).withCString { following ? stat($0, &info) : lstat($0, &info) }
        return result == 0 ? info : nil
    }

    /// Whether `path` exists (following links) and whether it is a directory.
    public static func kind(_ path: String) -> (exists: Bool, isDirectory: Bool) {
        guard let info = status(path) else { return (false, false) }
        return (true, info.st_mode & S_IFMT == S_IFDIR)
    }

    /// Whether `path` leads to a directory.
    static func isDirectory(_ path: String) -> Bool {
        kind(path).isDirectory
    }

    /// `open(2)` of `path`.
    static func open(_ path: String, _ flags: Int32) -> Int32 {
        BytePath(path).withCString { Foundation.open($0, flags) }
    }

    /// The names in `directory` (not `.` and `..`), in carrier form, in the order the system gives.
    ///
    /// - Throws: `reason` naming why the directory cannot be listed (`strerror`).
    public static func names(in directory: String) throws(ListingFailure) -> [String] {
        guard let stream = BytePath(directory).withCString({ opendir($0) }) else {
            throw ListingFailure(reason: String(cString: strerror(errno)))
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(BytePath(bytes: name).string)
        }
        return names
    }

    /// Why a directory could not be listed.
    public struct ListingFailure: Error {
        /// The `strerror` text.
        public let reason: String
    }

    /// The whole content of the regular file `path`, read with `read(2)`.
    ///
    /// - Throws: the `strerror` text of the failing call.
    public static func contents(_ path: String, size: Int) throws(ListingFailure) -> Data {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ListingFailure(reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var data = Data(count: max(size, 0))
        var count = 0
        var failure: Int32 = 0
        data.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while count < buffer.count {
                let got = Foundation.read(descriptor, base + count, buffer.count - count)
                if got > 0 {
                    count += got
                } else if got == 0 {
                    return
                } else if errno != EINTR {
                    failure = errno
                    return
                }
            }
        }
        if failure != 0 { throw ListingFailure(reason: String(cString: strerror(failure))) }
        data.count = count
        return data
    }
}
