import Foundation

/// Writes reports: to standard output, or to a file through a temporary file in the same directory
/// and an atomic rename, so that a failed run never leaves a half-written report behind.
enum OutputWriter {
    static func write(_ text: String, to path: String?) throws(CommandFailure) {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(
                ".\(url.lastPathComponent).benchstat-\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CommandFailure("\(path): cannot write the report: \(error.localizedDescription)")
        }
        // rename(2) replaces an existing report atomically (FileManager.replaceItemAt on Linux removed
        // the old report and then failed).
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CommandFailure("\(path): cannot write the report: \(reason)")
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
