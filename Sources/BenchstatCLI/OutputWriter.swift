import BenchmarkModel
import BenchmarkReports
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes reports — whole, or piece by piece as they are rendered — to standard output, or to a file
/// through a temporary file in the same directory and an atomic rename, so that a failed run never
/// leaves a half-written report behind.
///
/// What `--output PATH` does with what is already there (README, "Output safety"):
/// - nothing: a new regular file, mode `0666 & ~umask`;
/// - a regular file: replaced atomically (a temporary file created with `mkstemp` — a random name,
///   `O_EXCL`, so a link planted beside it is never followed — then `rename(2)`);
/// - a symbolic link: written *through*: the file it leads to is replaced as above and the link
///   stays; a link that leads nowhere (or a loop) is refused;
/// - `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N` (process substitution `>(…)`):
///   written to that open descriptor;
/// - a FIFO or a character device (`/dev/null`, a terminal): opened and written in place, never
///   renamed over; a directory, a block device or a socket is refused.
enum OutputWriter {
    /// What happened to the report when standard output was closed by its reader.
    enum Outcome {
        case written
        /// The reader of standard output (a pipe) went away: the report was cut short (EPIPE).
        case readerClosed
    }

    @discardableResult
    static func write(_ text: String, to path: String?) throws(CommandFailure) -> Outcome {
        try write(bytes: Array(text.utf8), to: path)
    }

    /// Writes UTF-8 `bytes` (a rendered report) to standard output, or to `path` as described above.
    ///
    /// - Throws: a `CommandFailure` (exit 2) naming the path (or standard output) when a byte
    ///   cannot be written; a closed pipe is not an error but `.readerClosed`.
    @discardableResult
    static func write(bytes: [UInt8], to path: String?) throws(CommandFailure) -> Outcome {
        try write(to: path) { descriptor in writeAll(bytes, to: descriptor) }
    }

    /// Writes a report that `produce` renders piece by piece (`ReportFormat.render(_:into:)`) to
    /// standard output or `path`, as `write(bytes:to:)` does: into the temporary file that is then
    /// renamed, so that a large report is never held whole and a failed one never left half-written.
    @discardableResult
    static func write(to path: String?, producing produce: (inout ReportChunks) -> Void) throws(CommandFailure)
        -> Outcome
    {
        try write(to: path) { descriptor in
            var failure: Int32?
            var chunks = ReportChunks { piece in
                failure = writeAll(piece, to: descriptor)
                return failure == nil
            }
            produce(&chunks)
            chunks.flush()
            return failure
        }
    }

    /// Writes what `payload` writes to a descriptor (returning the errno of a failure, or nil).
    private static func write(to path: String?, _ payload: (Int32) -> Int32?) throws(CommandFailure) -> Outcome {
        guard let path else { return try writeToDescriptor(payload, STDOUT_FILENO, name: "standard output") }
        if let descriptor = openDescriptorNamed(by: path) {
            return try writeToDescriptor(payload, descriptor, name: path)
        }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            guard errno == ENOENT else { throw failure(path, String(cString: strerror(errno))) }
            try replaceAtomically(payload, at: path, display: path)
            return .written
        }
        var target = path
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = realPath(path), stat(resolved, &info) == 0 else {
                throw failure(
                    path,
                    "it is a symbolic link that leads nowhere (or a link loop); give the file it should name")
            }
            target = resolved
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            try replaceAtomically(payload, at: target, display: path)
            return .written
        case S_IFIFO, S_IFCHR:
            return try writeInPlace(payload, at: target, display: path)
        case S_IFDIR:
            throw failure(path, "it is a directory")
        default:
            throw failure(path, "it is a block device or a socket, not a file a report can be written to")
        }
    }

    /// The descriptor that `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` or `/proc/self/fd/N` name, when
    /// it is open: those are written as they are (a pipe, a terminal, or a file opened by the shell
    /// with `>>`), never replaced.
    static func openDescriptorNamed(by path: String) -> Int32? {
        let number: Int32?
        switch path {
        case "/dev/stdout": number = STDOUT_FILENO
        case "/dev/stderr": number = STDERR_FILENO
        default:
            let prefixes = ["/dev/fd/", "/proc/self/fd/", "/proc/\(getpid())/fd/"]
            guard let prefix = prefixes.first(where: { path.hasPrefix($0) }) else { return nil }
            number = Int32(path.dropFirst(prefix.count))
        }
        guard let number, number >= 0, fcntl(number, F_GETFD) != -1 else { return nil }
        return number
    }

    private static func writeToDescriptor(_ payload: (Int32) -> Int32?, _ descriptor: Int32, name: String)
        throws(CommandFailure) -> Outcome
    {
        guard let error = payload(descriptor) else { return .written }
        if error == EPIPE { return .readerClosed }
        throw failure(name, String(cString: strerror(error)))
    }

    /// Opens a FIFO or a character device for writing, without creating or truncating anything.
    private static func writeInPlace(_ payload: (Int32) -> Int32?, at target: String, display: String)
        throws(CommandFailure) -> Outcome
    {
        var descriptor: Int32
        repeat {
            descriptor = open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { throw failure(display, String(cString: strerror(errno))) }
        let written = payload(descriptor)
        close(descriptor)
        if let written {
            if written == EPIPE { return .readerClosed }
            throw failure(display, String(cString: strerror(written)))
        }
        return .written
    }

    /// Writes `bytes` to a new temporary file beside `target` (random name, exclusive creation, mode
    /// `0666 & ~umask`) and renames it over `target`.
    private static func replaceAtomically(_ payload: (Int32) -> Int32?, at target: String, display: String)
        throws(CommandFailure)
    {
        let url = URL(fileURLWithPath: target)
        // The temporary name carries the report's name when it fits (a name may be 255 bytes; the
        // prefix and suffix add 18).
        let name = url.lastPathComponent
        let temporaryName = name.utf8.count > 200 ? ".benchstat-XXXXXX" : ".\(name).benchstat-XXXXXX"
        var template = Array(url.deletingLastPathComponent().appendingPathComponent(temporaryName).path.utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else { throw failure(display, String(cString: strerror(errno))) }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        let temporary = template.withUnsafeBufferPointer { buffer in
            String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        // Ctrl-C or a TERM while the report is written removes the temporary file (the old report
        // is untouched either way).
        let interrupts = PendingTemporary.begin(temporary)
        defer { PendingTemporary.end(interrupts) }
        // mkstemp creates the file 0600: a new report is as readable as any file the user creates,
        // a replaced one keeps the permissions it had (a private report stays private).
        var existing = stat()
        let mode =
            stat(target, &existing) == 0 && existing.st_mode & S_IFMT == S_IFREG
            ? existing.st_mode & 0o777 : 0o666 & ~currentUmask()
        var problem: Int32? = fchmod(descriptor, mode) == 0 ? nil : errno
        if problem == nil { problem = payload(descriptor) }
        // On the disk before it takes the report's name: after a power loss the name holds the old
        // report or the whole new one, never an empty or partial file.
        if problem == nil, fsync(descriptor) != 0 { problem = errno }
        if close(descriptor) != 0, problem == nil { problem = errno }
        if problem == nil, rename(temporary, target) != 0 { problem = errno }
        if let problem {
            unlink(temporary)
            throw failure(display, String(cString: strerror(problem)))
        }
        // The rename itself, made durable (a directory that cannot be synced is not an error).
        let directory = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            _ = fsync(directory)
            close(directory)
        }
    }

    /// The process's umask (read by setting it and putting it back).
    private static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func failure(_ name: String, _ reason: String) -> CommandFailure {
        CommandFailure("\(name): cannot write the report: \(reason)")
    }

    /// Writes every byte with write(2), retrying after interruptions and short writes; the errno
    /// of the failure, or nil.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { buffer -> Int32? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if count == 0 { return EIO }
                offset += count
            }
            return nil
        }
    }

    static func append(_ text: String, to path: String) throws(CommandFailure) {
        do {
            if !FileManager.default.fileExists(atPath: path) {
                try Data().write(to: URL(fileURLWithPath: path))
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw CommandFailure("\(path): cannot append the step summary: \(error.localizedDescription)")
        }
    }
}

/// Whether standard output is a terminal that may receive colour (and `NO_COLOR` is unset, per no-color.org).
enum Terminal {
    static var standardOutputSupportsColour: Bool {
        let environment = ProcessInfo.processInfo.environment
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }
}

/// The temporary file a report is being written to, for the SIGINT/SIGTERM handler to remove: a C
/// string in a buffer that is never freed, read by the handler through `unlink(2)` alone (which is
/// async-signal-safe), then the signal's default action.
private enum PendingTemporary {
    static let capacity = 4096
    nonisolated(unsafe) static let path: UnsafeMutablePointer<CChar> = {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        buffer.initialize(repeating: 0, count: capacity)
        return buffer
    }()
    nonisolated(unsafe) static var active: sig_atomic_t = 0

    /// The handlers in place before `begin`, to put back.
    struct Installed {
        let interrupt: (@convention(c) (Int32) -> Void)?
        let terminate: (@convention(c) (Int32) -> Void)?
        let registered: Bool
    }

    static func begin(_ temporary: String) -> Installed {
        let bytes = Array(temporary.utf8)
        guard bytes.count < capacity else { return Installed(interrupt: nil, terminate: nil, registered: false) }
        for (index, byte) in bytes.enumerated() { path[index] = CChar(bitPattern: byte) }
        path[bytes.count] = 0
        active = 1
        let handler: @convention(c) (Int32) -> Void = { received in
            if PendingTemporary.active != 0 { unlink(PendingTemporary.path) }
            signal(received, SIG_DFL)
            raise(received)
        }
        return Installed(interrupt: signal(SIGINT, handler), terminate: signal(SIGTERM, handler), registered: true)
    }

    static func end(_ installed: Installed) {
        guard installed.registered else { return }
        active = 0
        signal(SIGINT, installed.interrupt)
        signal(SIGTERM, installed.terminate)
    }
}

extension OutputWriter {
    /// Checks, before anything is read, that a report can be created at `path`: a file that does
    /// not exist yet needs a directory that does (so that of several outputs none is written when
    /// one of them could not be).
    static func checkWritable(_ path: String) throws(CommandFailure) {
        var info = stat()
        guard lstat(path, &info) != 0, errno == ENOENT else { return }
        let directory = (path as NSString).deletingLastPathComponent
        var directoryInfo = stat()
        guard stat(directory.isEmpty ? "." : directory, &directoryInfo) == 0,
            directoryInfo.st_mode & S_IFMT == S_IFDIR
        else {
            throw CommandFailure(
                "\(BytePath.display(path)): the directory \(BytePath.display(directory)) does not exist "
                    + "(nothing was read or written)")
        }
    }
}
