import Foundation

/// Unicode distribution sketches for the text report's `--plot`: a histogram of a sample drawn
/// with the eight block characters ▁▂▃▄▅▆▇█, on a logarithmic axis shared by base and head so that
/// the two sketches of a row can be compared position by position (an empty bin is a space).
enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The histogram of the positive values of `values` in `bins` bins over `range` (log scale), or
    /// nil when there is nothing to draw. The tallest bin gets █; empty bins are spaces.
    static func histogram(_ values: [Double], range: ClosedRange<Double>, bins: Int = 16) -> String? {
        let positive = values.filter { $0 > 0 && $0.isFinite }
        guard !positive.isEmpty, bins > 0, range.lowerBound > 0 else { return nil }
        let low = log(range.lowerBound)
        let span = log(range.upperBound) - low
        var counts = [Int](repeating: 0, count: bins)
        for value in positive {
            let position = span > 0 ? (log(value) - low) / span : 0.5
            let bin = min(bins - 1, max(0, Int(position * Double(bins))))
            counts[bin] += 1
        }
        let tallest = counts.max() ?? 1
        return String(
            counts.map { count in
                guard count > 0 else { return " " }
                // ⌈count · 8 / tallest⌉ − 1: the tallest bin is █, a lone value among many is ▁.
                let level = (count * blocks.count + tallest - 1) / tallest - 1
                return blocks[min(blocks.count - 1, max(0, level))]
            })
    }

    /// The sketch line for one comparison: base and head on a shared axis, or nil without samples.
    static func line(base: [Double], head: [Double], bins: Int = 16) -> String? {
        let all = (base + head).filter { $0 > 0 && $0.isFinite }
        guard let low = all.min(), let high = all.max() else { return nil }
        let range = low...high
        let left = histogram(base, range: range, bins: bins) ?? String(repeating: " ", count: bins)
        let right = histogram(head, range: range, bins: bins) ?? String(repeating: " ", count: bins)
        return "base |\(left)|  head |\(right)|"
    }
}
