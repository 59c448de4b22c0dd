import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes reports: to standard output, or to a file through a temporary file in the same directory
/// and an atomic rename, so that a failed run never leaves a half-written report behind.
enum OutputWriter {
    static func write(_ text: String, to path: String?) throws(CommandFailure) {
        try write(bytes: Array(text.utf8), to: path)
    }

    /// Writes UTF-8 `bytes` (a rendered report) to standard output, or to `path` atomically.
    static func write(bytes: [UInt8], to path: String?) throws(CommandFailure) {
        guard let path else {
            // A closed or full standard output is not worth a second message: the shell shows it.
            _ = writeAll(bytes, to: STDOUT_FILENO)
            return
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(
                ".\(url.lastPathComponent).benchstat-\(ProcessInfo.processInfo.processIdentifier).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CommandFailure("\(path): cannot write the report: \(String(cString: strerror(errno)))")
        }
        let written = writeAll(bytes, to: descriptor)
        let closed = close(descriptor) == 0
        guard written == nil, closed else {
            let reason = written ?? String(cString: strerror(errno))
            unlink(temporary.path)
            throw CommandFailure("\(path): cannot write the report: \(reason)")
        }
        // rename(2) replaces an existing report atomically (FileManager.replaceItemAt on Linux removed
        // the old report and then failed).
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw CommandFailure("\(path): cannot write the report: \(reason)")
        }
    }

    /// Writes every byte with write(2), retrying after interruptions and short writes; the reason
    /// for the failure, or nil.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        bytes.withUnsafeBytes { buffer -> String? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
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
