import BenchstatTestSupport
import Foundation
import Testing

/// `benchstat history …` end to end, through the built binary.
@Suite("history commands")
struct HistoryCommandTests {
    /// Writes one run of `benchmarks` benchmarks (values around `level`·(i+1)) and returns its path.
    private func writeRun(_ directory: TemporaryDirectory, _ name: String, level: Double, benchmarks: Int = 3) throws
        -> String
    {
        var text = ""
        for index in 0..<benchmarks {
            let centre = level * Double(index + 1)
            text += TemporaryDirectory.jsonl(
                "bench/\(index)", unit: "instructions", [centre, centre * 1.0001, centre * 0.9999])
        }
        return try directory.writeFile("\(name).jsonl", text)
    }

    /// `analyze CURRENT --history RUNS --format json` and the same with RUNS imported into a store
    /// (machine "m") instead: (from the store, from the directory).
    private func analyzedWithHistory(
        _ current: String, runs: String, in directory: TemporaryDirectory
    ) throws -> (fromStore: BinaryRun, fromDirectory: BinaryRun) {
        let db = directory.url.appendingPathComponent("h.sqlite").path
        let imported = try Binary.run(["history", "import", runs, "--db", db, "--machine", "m"])
        #expect(imported.exitCode == 0, "\(imported.standardError)")
        let fromDirectory = try Binary.run(["analyze", current, "--history", runs, "--format", "json"])
        let fromStore = try Binary.run([
            "analyze", current, "--history", db, "--history-machine", "m", "--format", "json",
        ])
        return (fromStore, fromDirectory)
    }

    /// The `comparisons` of a JSON report.
    private func comparisons(_ report: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any]
        return object?["comparisons"] as? [[String: Any]] ?? []
    }

    /// Comparisons as bytes with sorted keys, to compare two reports' comparisons.
    private func canonical(_ comparisons: [[String: Any]]) throws -> Data {
        try JSONSerialization.data(withJSONObject: comparisons, options: [.sortedKeys])
    }

    @Test("record, list, show and export; a second record of a commit exits 2 naming the database")
    func recordListExport() throws {
        let directory = try TemporaryDirectory()
        let db = directory.url.appendingPathComponent("h.sqlite").path
        let run = try writeRun(directory, "r1", level: 1000)
        let recorded = try Binary.run(["history", "record", run, "--commit", "abc123", "--db", db])
        #expect(recorded.exitCode == 0, "\(recorded.standardError)")
        #expect(recorded.standardOutput.contains("machine "))
        let again = try Binary.run(["history", "record", run, "--commit", "abc123", "--db", db])
        #expect(again.exitCode == 2)
        #expect(again.standardError.contains(db) && again.standardError.contains("already recorded"))
        let replaced = try Binary.run(["history", "record", run, "--commit", "abc123", "--db", db, "--replace"])
        #expect(replaced.exitCode == 0)
        let list = try Binary.run(["history", "list", "--db", db, "--format", "json"])
        #expect(list.exitCode == 0)
        let parsed = try JSONSerialization.jsonObject(with: Data(list.standardOutput.utf8)) as? [String: Any]
        #expect((parsed?["runs"] as? [Any])?.count == 1)
        let export = try Binary.run(["history", "export", "--db", db])
        let lines = export.standardOutput.split(separator: "\n")
        #expect(lines.count == 9)
        #expect(lines.first?.contains("\"commit\": \"abc123\"") == true)
        // The export is canonical JSON Lines: analyze reads it.
        let exported = try directory.writeFile("base.jsonl", export.standardOutput)
        let exportedAgain = try directory.writeFile("head.jsonl", export.standardOutput)
        let show = try Binary.run(["history", "show", "bench/1", "--db", db, "--format", "html"])
        #expect(show.exitCode == 0 && show.standardOutput.contains("<svg"))
        let analyze = try Binary.run(["analyze", exported, exportedAgain, "--format", "json"])
        #expect(analyze.exitCode == 0 || analyze.exitCode == 1, "\(analyze.standardError)")
    }

    @Test("bad stores exit 2 with the database named: not a database, missing, unreachable URL, unit change")
    func badStores() throws {
        let directory = try TemporaryDirectory()
        let garbage = try directory.writeFile("garbage.sqlite", String(repeating: "garbage ", count: 600))
        let notDB = try Binary.run(["history", "list", "--db", garbage])
        #expect(notDB.exitCode == 2 && notDB.standardError.contains(garbage) && notDB.standardError.contains("not a"))
        let missing = directory.url.appendingPathComponent("none.sqlite").path
        let absent = try Binary.run(["history", "changes", "--db", missing])
        #expect(absent.exitCode == 2 && absent.standardError.contains(missing))
        let url = try Binary.run(["history", "list", "--db", "postgresql://me:hunter2@127.0.0.1:1/db"])
        #expect(url.exitCode == 2 && url.standardError.contains("postgresql://me:***@127.0.0.1:1/db"))
        #expect(!url.standardError.contains("hunter2"))
        let db = directory.url.appendingPathComponent("h.sqlite").path
        _ = try Binary.run([
            "history", "record", try writeRun(directory, "r1", level: 1000), "--commit", "c1", "--db", db,
        ])
        let seconds = try directory.writeFile("s.jsonl", TemporaryDirectory.jsonl("bench/0", unit: "ms", [1, 2]))
        let mismatch = try Binary.run(["history", "record", seconds, "--commit", "c2", "--db", db])
        #expect(mismatch.exitCode == 2 && mismatch.standardError.contains(db))
        #expect(mismatch.standardError.contains("bench/0"))
        let other = try directory.writeFile("t.jsonl", TemporaryDirectory.jsonl("bench/0", unit: "ms", [1, 2]))
        let history = try Binary.run(["analyze", seconds, other, "--history", garbage])
        #expect(history.exitCode == 2 && history.standardError.contains(garbage))
    }

    @Test("a killed record leaves no partial run; two records at once both land")
    func killedAndConcurrent() throws {
        let directory = try TemporaryDirectory()
        let db = directory.url.appendingPathComponent("h.sqlite").path
        let first = try writeRun(directory, "r1", level: 1000, benchmarks: 200)
        #expect(try Binary.run(["history", "record", first, "--commit", "c0", "--db", db]).exitCode == 0)
        // Killed inside its transaction (the test hook holds it open after the run row is written).
        let process = Process()
        process.executableURL = Binary.productsDirectory.appendingPathComponent("benchstat")
        process.arguments = ["history", "record", first, "--commit", "killed", "--db", db]
        var environment = ProcessInfo.processInfo.environment
        environment["BENCHSTAT_HISTORY_TEST_PAUSE_MS"] = "20000"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let afterKill = try Binary.run(["history", "list", "--db", db, "--format", "csv"])
        #expect(afterKill.exitCode == 0)
        #expect(afterKill.standardOutput.split(separator: "\n").count == 2, "\(afterKill.standardOutput)")
        // Two writers at once: the second waits for the first's lock and lands too.
        let outcomes = ErrorList()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            do {
                let run = try Binary.run(["history", "record", first, "--commit", "p\(index)", "--db", db])
                if run.exitCode != 0 { outcomes.add(run.standardError) }
            } catch {
                outcomes.add("\(error)")
            }
        }
        #expect(outcomes.all.isEmpty)
        let list = try Binary.run(["history", "list", "--db", db, "--format", "csv"])
        #expect(list.standardOutput.split(separator: "\n").count == 4)
    }

    @Test("analyze --history reads a store as it reads the same runs in a directory")
    func analyzeWithStore() throws {
        let directory = try TemporaryDirectory()
        let (fromStore, fromDirectory) = try analyzedWithHistory(
            "Data/lto-instrumentation", runs: "Data/history-instrumentation", in: directory)
        #expect(fromStore.exitCode == fromDirectory.exitCode)
        #expect(
            try canonical(comparisons(fromStore.standardOutput)) == canonical(comparisons(fromDirectory.standardOutput))
        )
        #expect(fromStore.standardOutput.contains("the last 10 run(s) of branch main on machine m"))
    }

    /// A benchmark whose unit is written two ways across the runs ("ns", Go's "ns/op") is one series of
    /// the store (keyed by name and base unit): its history, all eight runs in order, gives the same
    /// noise and comparisons as a directory of the same runs.
    @Test("analyze --history: a unit written two ways is one history series, as in a directory of the runs")
    func unitWrittenTwoWays() throws {
        let directory = try TemporaryDirectory()
        for run in 0..<8 {
            var text = ""
            for index in 0..<3 {
                // Run-to-run offsets of −4 … +4 %, larger than the current runs' spread (~0.8 %), so
                // that the history's noise is the one used.
                let level = 100 * Double(index + 1) * (1 + 0.02 * Double((run * 3 + index) % 5 - 2))
                text += TemporaryDirectory.jsonl(
                    "bench/\(index)", unit: run % 2 == 0 ? "ns" : "ns/op",
                    [1.0, 1.004, 0.997, 1.002, 0.999].map { level * $0 })
            }
            try directory.writeFile(String(format: "runs/run%02d.jsonl", run), text)
        }
        for side in ["base", "head"] {
            var text = ""
            for index in 0..<3 {
                text += TemporaryDirectory.jsonl(
                    "bench/\(index)", unit: "ns", [1.0, 1.01, 0.99, 1.005, 0.995].map { $0 * 100 * Double(index + 1) })
            }
            try directory.writeFile("current/\(side)/\(side).jsonl", text)
        }
        let (fromStore, fromDirectory) = try analyzedWithHistory(
            "\(directory.path)/current", runs: "\(directory.path)/runs", in: directory)
        #expect(fromStore.exitCode == fromDirectory.exitCode)
        let stored = try comparisons(fromStore.standardOutput)
        let read = try comparisons(fromDirectory.standardOutput)
        #expect(stored.count == 3)
        // Every comparison's noise is the history's, from all eight runs of both spellings.
        #expect(stored.allSatisfy { $0["noise"] as? String == "history" })
        #expect(!fromStore.standardError.contains("changed within these runs"))
        #expect(try canonical(stored) == canonical(read))
    }

    @Test("changes finds a step at its commit and exits 1 for a recent regression, 0 for an improvement")
    func changes() throws {
        for (factor, expected) in [(1.10, Int32(1)), (0.90, Int32(0))] {
            let directory = try TemporaryDirectory()
            let db = directory.url.appendingPathComponent("h.sqlite").path
            var random = SplitMix64(seed: 7)
            for commit in 0..<30 {
                let level = (commit >= 24 ? factor : 1.0) * (1000 + Double(random.next() % 1000) / 1000)
                let run = try writeRun(directory, "c\(commit)", level: level)
                let recorded = try Binary.run([
                    "history", "record", run, "--commit", "c\(commit)", "--db", db, "--time",
                    "\(1_700_000_000 + commit)",
                ])
                #expect(recorded.exitCode == 0)
            }
            let changes = try Binary.run(["history", "changes", "--db", db, "--format", "json"])
            #expect(changes.exitCode == expected, "\(changes.standardOutput)\(changes.standardError)")
            let object = try JSONSerialization.jsonObject(with: Data(changes.standardOutput.utf8)) as? [String: Any]
            let points = object?["changePoints"] as? [[String: Any]] ?? []
            #expect(points.count == 3)
            #expect(points.allSatisfy { $0["firstCommitAfter"] as? String == "c24" })
        }
    }
}

final class ErrorList: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [String] = []
    func add(_ error: String) {
        lock.lock()
        errors.append(error)
        lock.unlock()
    }
    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return errors
    }
}
