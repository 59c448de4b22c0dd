import BenchstatTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `benchstat measure` with real tiny commands: the files it writes, what `analyze` makes of them,
/// failing commands, a missing valgrind, callgrind counts and Ctrl-C.
@Suite struct MeasureCommandTests {
    /// Every line of every `.jsonl` file under `directory/label`, parsed.
    static func samples(_ directory: URL, label: String) throws -> [[String: Any]] {
        let folder = directory.appendingPathComponent(label)
        var lines: [[String: Any]] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        where name.hasSuffix(".jsonl") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
                lines.append(try #require(object as? [String: Any]))
            }
        }
        return lines
    }

    @Test func interleavedSamplesThatAnalyzeReads() throws {
        let directory = try TemporaryDirectory()
        let runs = directory.url.appendingPathComponent("runs")
        let run = try Binary.run([
            "measure", "--runs", "4", "--warmup", "1", "--name", "base", "--name", "head", "--run-id", "r1",
            "--benchmark", "sleep", "-o", runs.path, "/bin/true", "sh -c 'sleep 0.05'",
        ])
        #expect(run.exitCode == 0, "\(run.standardError)")
        #expect(run.standardError.contains("benchstat analyze \(runs.path)"))
        for label in ["base", "head"] {
            let lines = try Self.samples(runs, label: label)
            #expect(lines.count == 4)
            #expect(lines.compactMap { $0["iteration"] as? Int } == [1, 2, 3, 4])
            #expect(lines.allSatisfy { $0["run"] as? String == "r1" && $0["benchmark"] as? String == "sleep" })
            #expect(lines.allSatisfy { $0["unit"] as? String == "ns" && $0["mode"] as? String == "walltime" })
        }
        let head = try Self.samples(runs, label: "head").compactMap { $0["value"] as? Int }
        #expect(head.allSatisfy { $0 >= 50_000_000 }, "sleep 0.05 took less than 50 ms: \(head)")
        let analysis = try Binary.run(["analyze", runs.path, "--format", "json"])
        #expect(analysis.exitCode == 0 || analysis.exitCode == 1, "\(analysis.standardError)")
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(analysis.standardOutput.utf8)) as? [String: Any])
        let comparisons = try #require(root["comparisons"] as? [[String: Any]])
        #expect(comparisons.count == 1)
        let change = try #require((comparisons.first?["change"] as? [String: Any])?["percent"] as? Double)
        #expect(change > 0, "sleeping 50 ms is slower than /bin/true")
    }

    @Test func defaultLabelsAndSeparateRunFiles() throws {
        let directory = try TemporaryDirectory()
        let runs = directory.url.appendingPathComponent("runs")
        for id in ["m1", "m2"] {
            let run = try Binary.run([
                "measure", "--runs", "2", "--warmup", "0", "--run-id", id, "-o", runs.path, "/bin/true", "/bin/true",
                ":",
            ])
            #expect(run.exitCode == 0, "\(run.standardError)")
        }
        for label in ["A", "B", "C"] {
            let files = try FileManager.default.contentsOfDirectory(atPath: runs.appendingPathComponent(label).path)
            #expect(files.sorted() == ["m1.jsonl", "m2.jsonl"])
        }
        // The same run id again would mix two measurements in one file: refused.
        let again = try Binary.run(["measure", "--run-id", "m1", "-o", runs.path, "/bin/true", "/bin/true"])
        #expect(again.exitCode == 2)
        #expect(again.standardError.contains("exists already"))
        let analysis = try Binary.run(["analyze", runs.path, "--base", "A", "--format", "json"])
        #expect(analysis.exitCode == 0 || analysis.exitCode == 1, "\(analysis.standardError)")
    }

    @Test func failingCommandIsAClearError() throws {
        let directory = try TemporaryDirectory()
        let runs = directory.url.appendingPathComponent("runs")
        let run = try Binary.run([
            "measure", "--runs", "3", "--warmup", "0", "-o", runs.path, "/bin/true",
            "test -e \(runs.path)/A/*.jsonl && echo 'it broke' >&2 && exit 3 || true",
        ])
        #expect(run.exitCode == 2)
        #expect(run.standardError.contains("command B"))
        #expect(run.standardError.contains("exited with status 3"))
        #expect(run.standardError.contains("it broke"))
    }

    @Test func failureInTheWarmUpLeavesNoEmptyFiles() throws {
        let directory = try TemporaryDirectory()
        let runs = directory.url.appendingPathComponent("runs")
        let run = try Binary.run(["measure", "-o", runs.path, "/bin/true", "kill -TERM $$"])
        #expect(run.exitCode == 2)
        #expect(run.standardError.contains("killed by signal 15"))
        // Neither the label directories nor runs/ itself, which this measurement created, are left.
        #expect(!FileManager.default.fileExists(atPath: runs.path))
    }

    @Test func usageErrors() throws {
        for arguments in [
            ["measure", "/bin/true"],
            ["measure", "--name", "x", "/bin/true", "/bin/true"],
            ["measure", "--name", "x", "--name", "x", "/bin/true", "/bin/true"],
            ["measure", "--runs", "0", "/bin/true", "/bin/true"],
            ["measure", "--name", "a/b", "--name", "c", "/bin/true", "/bin/true"],
        ] {
            let run = try Binary.run(arguments)
            #expect(run.exitCode == 2, "\(arguments)")
            #expect(!run.standardError.isEmpty)
        }
    }

    @Test func missingValgrindIsAClearError() throws {
        let directory = try TemporaryDirectory()
        let run = try Binary.run(
            [
                "measure", "--instrumentation", "-o", directory.url.appendingPathComponent("runs").path, "/bin/true",
                ":",
            ],
            environment: ["PATH": directory.url.path])
        #expect(run.exitCode == 2)
        #expect(run.standardError.contains("valgrind"))
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("runs").path))
    }

    static let valgrindAvailable = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
        FileManager.default.isExecutableFile(atPath: "\($0)/valgrind")
    }

    @Test(.enabled(if: valgrindAvailable, "valgrind is not installed (apt-get install valgrind)"))
    func instructionCountsUnderCallgrind() throws {
        let directory = try TemporaryDirectory()
        let runs = directory.url.appendingPathComponent("runs")
        let run = try Binary.run([
            "measure", "--runs", "2", "--warmup", "0", "--instrumentation", "--instrumentation-runs", "2", "-o",
            runs.path, "/bin/true", "/bin/true; /bin/true",
        ])
        #expect(run.exitCode == 0, "\(run.standardError)")
        func counts(_ label: String) throws -> [Int] {
            try Self.samples(runs, label: label).filter { $0["unit"] as? String == "instructions" }
                .compactMap { $0["value"] as? Int }
        }
        let a = try counts("A")
        let b = try counts("B")
        #expect(a.count == 2 && b.count == 2)
        #expect(a.allSatisfy { $0 > 10_000 })
        // Two processes cost more instructions than one.
        #expect((b.min() ?? 0) > (a.max() ?? 0))
        let analysis = try Binary.run(["analyze", runs.path, "--base", "A", "--format", "json"])
        #expect(analysis.standardOutput.contains("\"mode\":\"instrumentation\""))
    }

    @Test(.timeLimit(.minutes(1)))
    func interruptKeepsTheSamplesTaken() async throws {
        let directory = try TemporaryDirectory()
        let runs = directory.url.appendingPathComponent("runs")
        let process = Process()
        process.executableURL = Binary.productsDirectory.appendingPathComponent("benchstat")
        process.arguments = ["measure", "--runs", "100000", "--warmup", "0", "-o", runs.path, "sleep 0.01", ":"]
        process.standardOutput = Pipe()
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        // Wait until a few rounds are on disk, then Ctrl-C.
        let file = runs.appendingPathComponent("B")
        for _ in 0..<200 {
            try await Task.sleep(nanoseconds: 50_000_000)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: file.path)) ?? []
            if let name = names.first,
                let text = try? String(contentsOf: file.appendingPathComponent(name), encoding: .utf8),
                text.split(separator: "\n").count >= 3
            {
                break
            }
        }
        kill(process.processIdentifier, SIGINT)
        // Never hang the suite: a process that ignores the interrupt is killed (and the test fails).
        for _ in 0..<200 where process.isRunning { try await Task.sleep(nanoseconds: 50_000_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 130, "\(message)")
        #expect(message.contains("interrupted"))
        let a = try Self.samples(runs, label: "A")
        let b = try Self.samples(runs, label: "B")
        #expect(b.count >= 3)
        #expect(a.count == b.count || a.count == b.count + 1)
    }
}
