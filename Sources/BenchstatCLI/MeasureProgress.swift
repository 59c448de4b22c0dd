import Foundation

/// `[3/20] B · ETA 0:12` on standard error, rewritten in place, only when standard error is a
/// terminal. The estimate is the mean time of the steps done so far times the steps left (it
/// appears once one step is done).
final class MeasureProgress {
    let total: Int
    let enabled: Bool
    private var done = 0
    private let start = ProcessTimer.monotonicNanoseconds()

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    /// Shows that step `done + 1` (of `label`) starts now.
    func step(_ label: String) {
        let finished = done
        done += 1
        guard enabled else { return }
        var text = "\r\u{1B}[K[\(done)/\(total)] \(label)"
        if let eta = Self.estimate(
            elapsedNanoseconds: ProcessTimer.monotonicNanoseconds() &- start, finished: finished, total: total)
        {
            text += " · ETA " + eta
        }
        CommandLineEntry.writeToStandardError(text)
    }

    func finish() {
        guard enabled, done > 0 else { return }
        CommandLineEntry.writeToStandardError("\r\u{1B}[K")
    }

    /// The time left when `finished` of `total` steps took `elapsedNanoseconds`, as `m:ss` (or
    /// `h:mm:ss`), rounded up to the second; nil before the first step is done.
    static func estimate(elapsedNanoseconds: UInt64, finished: Int, total: Int) -> String? {
        guard finished > 0, total >= finished else { return nil }
        let perStep = Double(elapsedNanoseconds) / Double(finished)
        let seconds = Int((perStep * Double(total - finished) / 1e9).rounded(.up))
        let (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(rest))" : "\(minutes):\(twoDigits(rest))"
    }
}
