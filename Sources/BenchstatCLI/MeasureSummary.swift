import Foundation
import Statistics

/// The lines `benchstat measure` prints per command once it is done, as hyperfine does: the mean ±
/// the standard deviation of the walltime samples, their range, and for the second and later
/// commands how many times slower or faster than the first they ran.
///
/// The relative speed is the ratio of the means, r = mean(command) / mean(first), with the
/// first-order (delta-method) standard deviation
/// σ_r = r · √((σ_command / mean_command)² + (σ_first / mean_first)²)
/// of the two samples' standard deviations, the formula hyperfine uses (hyperfine,
/// `src/benchmark/relative_speed.rs`). It describes the spread of single runs, not the
/// uncertainty of the ratio of means: `benchstat analyze` gives that, with its interval and test.
/// A command faster than the first is reported by the inverse ratio (mean(first) / mean(command),
/// same relative σ), so the number is always at least 1.
struct MeasureSummary {
    /// One command's walltime samples (nanoseconds), in the order taken.
    struct Command {
        let label: String
        let command: String
        let nanoseconds: [UInt64]
    }

    /// How many times slower (or faster) a command ran than the first one.
    struct RelativeSpeed: Equatable {
        /// The ratio of the means, at least 1 (the slower mean over the faster one).
        let ratio: Double
        /// Its delta-method standard deviation; nil when either side has fewer than two samples.
        let standardDeviation: Double?
        /// Whether the command is slower than the first (a tie counts as slower: "1.00× slower").
        let slower: Bool
    }

    let commands: [Command]

    /// The summary of `samples` against `reference` (the first command's), or nil when either has
    /// no sample or a zero mean.
    static func relativeSpeed(_ samples: [UInt64], to reference: [UInt64]) -> RelativeSpeed? {
        guard let this = statistics(samples), let first = statistics(reference), this.mean > 0, first.mean > 0
        else { return nil }
        let ratio = this.mean / first.mean
        var sigma: Double?
        if let thisSigma = this.standardDeviation, let firstSigma = first.standardDeviation {
            let relative =
                ((thisSigma / this.mean) * (thisSigma / this.mean)
                + (firstSigma / first.mean) * (firstSigma / first.mean)).squareRoot()
            sigma = (ratio >= 1 ? ratio : 1 / ratio) * relative
        }
        return RelativeSpeed(ratio: ratio >= 1 ? ratio : 1 / ratio, standardDeviation: sigma, slower: ratio >= 1)
    }

    static func statistics(_ samples: [UInt64]) -> DescriptiveStatistics? {
        try? DescriptiveStatistics(samples.map { Double($0) })
    }

    /// The summary, one line per entry (no trailing newlines).
    var lines: [String] {
        var lines: [String] = []
        for (index, command) in commands.enumerated() {
            guard let stats = Self.statistics(command.nanoseconds) else { continue }
            lines.append("\(command.label): \(command.command)")
            let unit = Self.unit(for: stats.mean)
            let runs = "[\(stats.count) run\(stats.count == 1 ? "" : "s")]"
            if let sigma = stats.standardDeviation {
                lines.append(
                    "  Time (mean ± σ):    \(Self.format(stats.mean, unit)) ± \(Self.format(sigma, unit))    \(runs)")
            } else {
                lines.append("  Time (mean):        \(Self.format(stats.mean, unit))    \(runs)")
            }
            lines.append(
                "  Range (min … max):  \(Self.format(stats.minimum, unit)) … \(Self.format(stats.maximum, unit))")
            if index > 0, let first = commands.first,
                let speed = Self.relativeSpeed(command.nanoseconds, to: first.nanoseconds)
            {
                var text = "  " + String(format: "%.2f", speed.ratio)
                if let sigma = speed.standardDeviation { text += " ± " + String(format: "%.2f", sigma) }
                text += "× \(speed.slower ? "slower" : "faster") than \(first.label)"
                lines.append(text)
            }
        }
        return lines
    }

    /// The unit the mean reads best in: s, ms, µs or ns, with its size in nanoseconds.
    static func unit(for nanoseconds: Double) -> (name: String, scale: Double) {
        if nanoseconds >= 1e9 { return ("s", 1e9) }
        if nanoseconds >= 1e6 { return ("ms", 1e6) }
        if nanoseconds >= 1e3 { return ("µs", 1e3) }
        return ("ns", 1)
    }

    /// `value` nanoseconds in `unit`, three decimals.
    static func format(_ value: Double, _ unit: (name: String, scale: Double)) -> String {
        String(format: "%.3f", value / unit.scale) + " " + unit.name
    }
}
