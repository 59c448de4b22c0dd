import BenchmarkModel
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files whose names are not UTF-8 (a Latin-1 `é` is the byte 0xE9), made at test time under `root`:
/// a git checkout cannot hold such names portably, and Foundation cannot spell them.
public final class ByteNamedFiles {
    /// The directory the relative names are under.
    public let root: String
    private var created: [[UInt8]] = []

    public init(root: String) {
        self.root = root
    }

    deinit { removeAll() }

    /// `text` as Latin-1 bytes: each code point up to U+00FF is one byte (`"r\u{E9}.jsonl"` → 72 E9 …).
    public static func latin1(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    }

    /// The full path of `relative`, as bytes.
    public func path(_ relative: [UInt8]) -> [UInt8] {
        Array(root.utf8) + [UInt8(ascii: "/")] + relative
    }

    /// Writes `text` at `relative` (directories created), failing when the name cannot be created.
    public func write(_ relative: [UInt8], _ text: String) throws {
        var prefix: [UInt8] = []
        let parts = relative.split(separator: UInt8(ascii: "/"))
        for part in parts.dropLast() {
            prefix += (prefix.isEmpty ? [] : [UInt8(ascii: "/")]) + part
            let made = BytePath(bytes: path(prefix)).withCString { mkdir($0, 0o755) }
            if made == 0 { created.append(prefix) } else if errno != EEXIST { throw Failure(errno: errno) }
        }
        let descriptor = BytePath(bytes: path(relative)).withCString { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        guard descriptor >= 0 else { throw Failure(errno: errno) }
        defer { close(descriptor) }
        created.append(relative)
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ Foundation.write(descriptor, $0.baseAddress, $0.count) }) == bytes.count else {
            throw Failure(errno: errno)
        }
    }

    /// The bytes of the file at `relative`, or nil.
    public func contents(_ relative: [UInt8]) -> [UInt8]? {
        let descriptor = BytePath(bytes: path(relative)).withCString { open($0, O_RDONLY) }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if got <= 0 { break }
            bytes += buffer[..<got]
        }
        return bytes
    }

    /// Removes what `write` created, newest first (so that `TemporaryDirectory` can remove the rest).
    public func removeAll() {
        for relative in created.reversed() {
            _ = BytePath(bytes: path(relative)).withCString { unlink($0) == 0 ? 0 : rmdir($0) }
        }
        created = []
    }

    /// A system call that failed.
    public struct Failure: Error, CustomStringConvertible {
        public let errno: Int32
        public var description: String { String(cString: strerror(errno)) }
    }
}
