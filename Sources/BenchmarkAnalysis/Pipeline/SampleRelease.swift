import BenchmarkModel
import Dispatch

/// Frees the labels' series on another core while the analysis goes on, and waits for that at
/// its end: once every pair is compared the series are of no further use to it, but freeing a
/// million of them (their runs and their names) is a third of a second on one core, which the
/// correction, decision and ordering steps — on one core too — need not wait for. The analysis
/// still returns only once they are freed, so what the caller measures or reuses after it is the
/// same as before.
final class SampleRelease: Sendable {
    private let group = DispatchGroup()

    /// Releases this reference to `series` on a global queue. The caller drops its own.
    func release(_ series: [BenchmarkSeries]) {
        DispatchQueue.global(qos: .userInitiated).async(group: group) { withExtendedLifetime(series) {} }
    }

    /// Waits until everything handed to `release` is released.
    func wait() { group.wait() }
}
