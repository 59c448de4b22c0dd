import BenchstatTestSupport
import Foundation

/// Runs the built `benchstat` binary (next to the test bundle) and captures what it printed.
struct BinaryRun {
    let exitCode: Int32
    let standardOutput: String
    let standardError: String
}

enum Binary {
    /// The products directory: where SwiftPM put the test bundle and the `benchstat` executable.
    static var productsDirectory: URL {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.pathComponents.count > 1,
            !FileManager.default.fileExists(
                atPath: url.appendingPathComponent("benchstat").path)
        {
            url.deleteLastPathComponent()
        }
        return url
    }

    /// The repository root (two folders above this file's folder).
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// Runs `benchstat arguments` in `directory` (default: the repository root).
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) throws
        -> BinaryRun
    {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "GITHUB_STEP_SUMMARY")
        for (key, value) in environment { env[key] = value }
        return try runProcess(
            productsDirectory.appendingPathComponent("benchstat"), arguments: arguments, environment: env,
            in: directory)
    }

    /// Runs `executable` in `directory` (default: the repository root) with exactly `environment`;
    /// captures both streams.
    static func runProcess(
        _ executable: URL, arguments: [String], environment: [String: String], in directory: URL? = nil
    ) throws -> BinaryRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = directory ?? repository
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Standard error is drained on another thread: a process that fills it (more than a pipe
        // holds) before closing standard output would otherwise wait forever.
        let errorReader = ErrorReader(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errorReader.wait()
        process.waitUntilExit()
        return BinaryRun(
            exitCode: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }
}

extension TemporaryDirectory {
    /// Canonical JSON Lines for `values` of one benchmark.
    static func jsonl(_ benchmark: String, unit: String, mode: String? = nil, _ values: [Double], run: String? = nil)
        -> String
    {
        values.map { value in
            var line = "{\"benchmark\": \"\(benchmark)\", "
            if let mode { line += "\"mode\": \"\(mode)\", " }
            line += "\"unit\": \"\(unit)\", \"value\": \(value)"
            if let run { line += ", \"run\": \"\(run)\"" }
            return line + "}\n"
        }.joined()
    }
}

/// Reads a file handle to its end on a thread of its own.
private final class ErrorReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
