import BenchmarkModel
import Foundation

/// What a line loader resolved a (benchmark, unit, mode, run) key to, remembered per label by the
/// bytes of its fields: a file that interleaves its benchmarks (the whole suite once per
/// repetition), and every later file of the label (one file per run: the same names again), finds
/// the series of each line again with a hash and a `memcmp`, without building the name's `String`
/// or looking it up in the label.
///
/// The unit, mode and run bytes are interned as a *layout* (most files have a handful), and the
/// name is looked up under its layout's number, so equal names with another unit, mode or run are
/// other keys. Only fields given as plain bytes take part; a line with an escaped or numeric field
/// takes the loader's general path.
struct ResolvedSeriesTable {
    /// The series, unit and run key of one resolved line.
    struct Resolved {
        var series: Int
        var unit: MeasurementUnit
        /// The run's key (`LabelAccumulator.runKey(_:)`), or nil for a line without a `run` field,
        /// whose run is the file it is in.
        var runKey: Int?
    }

    /// What `names` keeps of a line: its series and run key (−1: none). The unit is the layout's —
    /// equal unit bytes are the same unit — so it is kept once per layout, not once per name (a
    /// `MeasurementUnit` is 42 bytes: at a million names, 56 MB a label).
    private struct Stored {
        var series: Int
        var runKey: Int
    }

    /// Each layout's unit.
    private var layouts = ByteNameTable<MeasurementUnit>()
    private var names = ByteNameTable<Stored>()
    /// unit bytes, 0, a marker and the mode's bytes, 0, a marker and the run's bytes (its first
    /// bytes: the array only grows).
    private var scratch: [UInt8] = []
    /// The position in `names` of the line found or recorded last (−1: none yet).
    private var last = -1

    /// The layout number of (unit, mode, run): `[unitStart, unitEnd)`, and mode and run as byte
    /// ranges or nil when absent. Interns it with its parsed unit `inserting` when given; nil when
    /// unknown otherwise.
    private mutating func layout(
        _ buffer: UnsafeRawBufferPointer, unit: (Int, Int), mode: (Int, Int)?, run: (Int, Int)?,
        inserting parsedUnit: MeasurementUnit?
    ) -> Int? {
        // Built with `memcpy` into storage that only grows (once per line: `append(contentsOf:)`
        // cost ~200 instructions a line of an interleaved file).
        func length(_ field: (Int, Int)?) -> Int { field.map { 2 + max($0.1 - $0.0, 0) } ?? 2 }
        let count = max(unit.1 - unit.0, 0) + length(mode) + length(run)
        if scratch.count < count { scratch = [UInt8](repeating: 0, count: max(count, 2 * scratch.count, 64)) }
        scratch.withUnsafeMutableBytes { own in
            guard let target = own.baseAddress, let source = buffer.baseAddress else { return }
            var at = 0
            func copy(_ range: (Int, Int)) {
                let size = max(range.1 - range.0, 0)
                if size > 0 { memcpy(target + at, source + range.0, size) }
                at += size
            }
            func field(_ range: (Int, Int)?) {
                target.storeBytes(of: 0, toByteOffset: at, as: UInt8.self)
                target.storeBytes(of: range == nil ? 2 : 1, toByteOffset: at + 1, as: UInt8.self)
                at += 2
                if let range { copy(range) }
            }
            copy(unit)
            field(mode)
            field(run)
        }
        if let found = scratch.withUnsafeBytes({ layouts.find($0, 0, count) }) { return found }
        guard let parsedUnit else { return nil }
        return scratch.withUnsafeBytes { layouts.insert($0, 0, count, value: parsedUnit) }
    }

    /// The resolution of a line with these fields, when one was recorded in this file.
    @inline(__always)
    mutating func find(
        _ buffer: UnsafeRawBufferPointer, name: (Int, Int), unit: (Int, Int), mode: (Int, Int)?, run: (Int, Int)?
    ) -> Resolved? {
        guard let tag = layout(buffer, unit: unit, mode: mode, run: run, inserting: nil) else { return nil }
        // Interleaved files repeat the suite's order: the next line is most often the next key.
        let next = last + 1 < names.count ? last + 1 : 0
        guard let position = names.find(buffer, name.0, name.1, tag: tag, guess: next) else { return nil }
        last = position
        let stored = names[position]
        return Resolved(series: stored.series, unit: layouts[tag], runKey: stored.runKey < 0 ? nil : stored.runKey)
    }

    /// Records the resolution of a line with these fields (which `find` did not know).
    mutating func record(
        _ buffer: UnsafeRawBufferPointer, name: (Int, Int), unit: (Int, Int), mode: (Int, Int)?, run: (Int, Int)?,
        as resolved: Resolved
    ) {
        guard let tag = layout(buffer, unit: unit, mode: mode, run: run, inserting: resolved.unit) else { return }
        last = names.insert(
            buffer, name.0, name.1, tag: tag, value: Stored(series: resolved.series, runKey: resolved.runKey ?? -1))
    }
}
