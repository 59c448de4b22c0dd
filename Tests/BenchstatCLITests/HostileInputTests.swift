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
}
