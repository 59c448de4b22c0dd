import BenchmarkModel
import Foundation

/// Reads a file line by line through one reusable buffer, so that memory stays bounded by the
/// chunk size (or by the longest line) whatever the file's size.
///
/// Lines are what the whole-file loaders saw: split at `\n` (a `\r` before it is left for the
/// caller), numbered from 1, with a UTF-8 byte-order mark at the start of the file skipped, and a
/// last line without a final newline still returned (`lastLineTerminated` then says false). A
/// line longer than the buffer grows the buffer until it fits.
///
/// The bytes of a line are valid only until the next call of `nextLine()`.
final class LineReader {
    /// The default chunk size: large enough that `read(2)` calls are rare, small enough not to
    /// show in the peak memory.
    static let defaultChunkSize = 1 << 18

    /// The path, for messages.
    let path: String
    /// The open file, or -1 when the bytes come from `contents`.
    private let descriptor: Int32
    /// Bytes given in memory instead of a file (the fuzz targets), and how many were handed out.
    private let contents: [UInt8]?
    private var contentsOffset = 0
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    /// Bytes `[position, filled)` of `storage` are read but not yet returned.
    private var position = 0
    private var filled = 0
    private var atEndOfFile = false
    private var startedFile = false
    /// Whether the last line returned ended with `\n` (false only for an unterminated last line).
    private(set) var lastLineTerminated = true

    /// The buffer holding the line last returned by `nextLine()`.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: storage, count: filled) }

    /// Opens `path`, or returns nil when `open(2)` fails (the caller then reports the error the
    /// whole-file reader gives).
    init?(path: String, chunkSize: Int = LineReader.defaultChunkSize) {
        let descriptor = FileSystem.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.path = path
        self.descriptor = descriptor
        self.contents = nil
        self.capacity = max(chunkSize, 1)
        self.storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    /// Reads `contents` as if they were the file `path`, `chunkSize` bytes at a time: the same
    /// lines, numbers and errors as from a file (the fuzz targets feed loaders this way, with
    /// small chunks so that lines straddle them).
    init(path: String, contents: [UInt8], chunkSize: Int = LineReader.defaultChunkSize) {
        self.path = path
        self.descriptor = -1
        self.contents = contents
        self.capacity = max(chunkSize, 1)
        self.storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    /// Opens `path` for reading line by line.
    ///
    /// - Throws: `unreadableFile`, with the whole-file reader's message, when it cannot be opened.
    static func opening(_ path: String, chunkSize: Int) throws(InputError) -> LineReader {
        if let reader = LineReader(path: path, chunkSize: chunkSize) { return reader }
        let reason = String(cString: strerror(errno))
        _ = try InputFile.read(path)
        throw InputError(.unreadableFile, at: SourceLocation(file: path), "cannot read the file (\(reason))")
    }

    deinit {
        storage.deallocate()
        if descriptor >= 0 { close(descriptor) }
    }

    /// Starts again from the first line (for a loader that scans the file once before reading it).
    ///
    /// - Throws: `unreadableFile` when the file cannot be read from its start again.
    func rewind() throws(InputError) {
        if descriptor >= 0, lseek(descriptor, 0, SEEK_SET) != 0 {
            let reason = String(cString: strerror(errno))
            throw InputError(.unreadableFile, at: SourceLocation(file: path), "cannot read the file (\(reason))")
        }
        contentsOffset = 0
        position = 0
        filled = 0
        atEndOfFile = false
        startedFile = false
        lastLineTerminated = true
    }

    /// The next line as `[start, end)` of `bytes`, without its `\n`; nil at the end of the file.
    ///
    /// - Throws: `unreadableFile` when `read(2)` fails.
    @inline(__always)
    func nextLine() throws(InputError) -> (start: Int, end: Int)? {
        if position < filled, let newline = memchr(storage + position, Int32(Bytes.newline), filled - position) {
            let start = position
            let end = storage.distance(to: newline)
            position = end + 1
            return (start, end)
        }
        return try nextLineAfterRefill()
    }

    private func nextLineAfterRefill() throws(InputError) -> (start: Int, end: Int)? {
        if !startedFile {
            startedFile = true
            // A UTF-8 byte-order mark (Windows editors write one) is not part of line 1.
            while filled < 3, !atEndOfFile { try fill() }
            if filled >= 3 {
                let first = storage.load(fromByteOffset: 0, as: UInt8.self)
                let second = storage.load(fromByteOffset: 1, as: UInt8.self)
                let third = storage.load(fromByteOffset: 2, as: UInt8.self)
                if first == 0xEF, second == 0xBB, third == 0xBF { position = 3 }
            }
        }
        // Bytes `[position, searched)` are known to hold no newline.
        var searched = position
        while true {
            if searched < filled, let newline = memchr(storage + searched, Int32(Bytes.newline), filled - searched) {
                let start = position
                let end = storage.distance(to: newline)
                position = end + 1
                return (start, end)
            }
            searched = filled
            if atEndOfFile {
                guard position < filled else { return nil }
                let start = position
                position = filled
                lastLineTerminated = false
                return (start, filled)
            }
            let shift = position
            try fill()
            searched -= shift
        }
    }

    /// Reads more bytes after the pending ones: moves the pending partial line to the front, grows
    /// the buffer when the line fills it, then reads once (or sets `atEndOfFile`).
    private func fill() throws(InputError) {
        if position > 0 {
            let pending = filled - position
            if pending > 0 { memmove(storage, storage + position, pending) }
            filled = pending
            position = 0
        }
        if filled == capacity {
            let larger = capacity * 2
            let grown = UnsafeMutableRawPointer.allocate(byteCount: larger, alignment: 16)
            grown.copyMemory(from: storage, byteCount: filled)
            storage.deallocate()
            storage = grown
            capacity = larger
        }
        if let contents {
            let count = min(capacity - filled, contents.count - contentsOffset)
            guard count > 0 else {
                atEndOfFile = true
                return
            }
            contents.withUnsafeBytes { source in
                if let base = source.baseAddress {
                    (storage + filled).copyMemory(from: base + contentsOffset, byteCount: count)
                }
            }
            contentsOffset += count
            filled += count
            return
        }
        while true {
            let count = read(descriptor, storage + filled, capacity - filled)
            if count > 0 {
                filled += count
                return
            }
            if count == 0 {
                atEndOfFile = true
                return
            }
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            throw InputError(.unreadableFile, at: SourceLocation(file: path), "cannot read the file (\(reason))")
        }
    }
}
