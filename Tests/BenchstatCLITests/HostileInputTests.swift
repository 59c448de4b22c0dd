import BenchstatTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 16 cases that cannot be committed as files (links, FIFOs, devices, names that are not
/// UTF-8), run through the real binary with the catalogue's checks (inputs byte-identical after).
@Suite struct HostileInputTests {
    /// A criterion.rs benchmark of `samples` samples of `nanoseconds` (one iteration each).
    static func criterion(_ dir: TemporaryDirectory, _ root: String, _ nanoseconds: [Double]) throws {
        let times = nanoseconds.map { String($0) }.joined(separator: ", ")
        let iters = nanoseconds.map { _ in "1.0" }.joined(separator: ", ")
        try dir.write(
            "\(root)/target/criterion/parse/new/sample.json",
            "{\"sampling_mode\": \"Flat\", \"iters\": [\(iters)], \"times\": [\(times)]}\n")
    }

    /// A directory link back up a criterion tree: each directory is read once, so n stays 5.
    @Test func criterionSymbolicLinkCycleIsReadOnce() throws {
        let dir = try TemporaryDirectory()
        try Self.criterion(dir, "runs/base", [100, 101, 102, 103, 104])
        try Self.criterion(dir, "runs/head", [100, 101, 102, 103, 104])
        for side in ["base", "head"] {
            let criterion = dir.url.appendingPathComponent("runs/\(side)/target/criterion")
            #expect(symlink("..", criterion.appendingPathComponent("parse/loop").path) == 0)
            #expect(symlink(".", criterion.appendingPathComponent("again").path) == 0)
        }
        let (_, report) = try BadInputCatalogue.check(
            [dir.url.appendingPathComponent("runs").path, "--format", "csv"], exit: 0, message: "parse", location: nil)
        let rows = (report ?? "").split(whereSeparator: \.isNewline).filter { $0.hasPrefix("parse,") }
        #expect(rows.count == 1, "\(report ?? "no report")")
        #expect(rows.first?.contains(",5,") == true, "n must be 5 per side: \(rows)")
    }

    /// A FIFO, /dev/zero and a broken link as `--config`: said in words, and a FIFO is never opened
    /// (opening it for reading would block with no writer). `/dev/null` is no configuration.
    @Test func configurationThatIsNotAFile() throws {
        let dir = try TemporaryDirectory()
        let fifo = dir.url.appendingPathComponent("benchstat.toml").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let inputs = [BadInputCatalogue.folder + "/good/base.jsonl", BadInputCatalogue.folder + "/jsonl/crlf.jsonl"]
        try BadInputCatalogue.check(
            inputs + ["--config", fifo], exit: 2, message: "it is a FIFO (named pipe), not a regular file",
            location: fifo)
        try BadInputCatalogue.check(
            inputs + ["--config", "/dev/zero"], exit: 2, message: "it is a device, not a regular file",
            location: "/dev/zero")
        let broken = dir.url.appendingPathComponent("gone.toml").path
        #expect(symlink("/nonexistent/benchstat.toml", broken) == 0)
        try BadInputCatalogue.check(
            inputs + ["--config", broken], exit: 2, message: "a broken symbolic link", location: broken)
        try BadInputCatalogue.check(inputs + ["--config", "/dev/null"], exit: 0, message: "noise", location: nil)
    }

    /// A FIFO in the place of a label directory is named, with why (it was skipped as a loose file,
    /// and the message said "need at least two labels, found 1 (base)").
    @Test func labelThatIsAFIFO() throws {
        let dir = try TemporaryDirectory()
        try dir.write("runs/base/r.jsonl", TemporaryDirectory.jsonl("a", unit: "ns", [1, 2, 3]))
        let fifo = dir.url.appendingPathComponent("runs/head").path
        #expect(mkfifo(fifo, 0o644) == 0)
        try BadInputCatalogue.check(
            [dir.url.appendingPathComponent("runs").path], exit: 2,
            message: "a FIFO (named pipe) where a label directory is expected", location: fifo)
    }
}
