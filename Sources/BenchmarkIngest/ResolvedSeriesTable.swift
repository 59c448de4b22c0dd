import BenchmarkModel

/// What a line loader resolved a (benchmark, unit, mode, run) key to, remembered per file by the
/// bytes of its fields: a file that interleaves its benchmarks (the whole suite once per
/// repetition) finds the series of each line again with a hash and a `memcmp`, without building
/// the name's `String` or looking it up in the label.
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
        var runKey: Int
    }

    private var layouts = ByteNameTable<Void>()
    private var names = ByteNameTable<Resolved>()
    /// unit bytes, 0, a marker and the mode's bytes, 0, a marker and the run's bytes.
    private var scratch: [UInt8] = []

    /// The layout number of (unit, mode, run): `[unitStart, unitEnd)`, and mode and run as byte
    /// ranges or nil when absent. Interns it when `insert` is true; nil when unknown otherwise.
    private mutating func layout(
        _ buffer: UnsafeRawBufferPointer, unit: (Int, Int), mode: (Int, Int)?, run: (Int, Int)?, insert: Bool
    ) -> Int? {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[unit.0..<unit.1]))
        appendField(buffer, mode)
        appendField(buffer, run)
        if let found = scratch.withUnsafeBytes({ layouts.find($0, 0, $0.count) }) { return found }
        guard insert else { return nil }
        return scratch.withUnsafeBytes { layouts.insert($0, 0, $0.count, value: ()) }
    }

    /// Appends a separator, then a marker and the bytes of a present field or a marker of an absent one.
    @inline(__always)
    private mutating func appendField(_ buffer: UnsafeRawBufferPointer, _ field: (Int, Int)?) {
        scratch.append(0)
        if let (start, end) = field {
            scratch.append(1)
            scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start..<end]))
        } else {
            scratch.append(2)
        }
    }

    /// The resolution of a line with these fields, when one was recorded in this file.
    @inline(__always)
    mutating func find(
        _ buffer: UnsafeRawBufferPointer, name: (Int, Int), unit: (Int, Int), mode: (Int, Int)?, run: (Int, Int)?
    ) -> Resolved? {
        guard let tag = layout(buffer, unit: unit, mode: mode, run: run, insert: false),
            let position = names.find(buffer, name.0, name.1, tag: tag)
        else { return nil }
        return names[position]
    }

    /// Records the resolution of a line with these fields (which `find` did not know).
    mutating func record(
        _ buffer: UnsafeRawBufferPointer, name: (Int, Int), unit: (Int, Int), mode: (Int, Int)?, run: (Int, Int)?,
        as resolved: Resolved
    ) {
        guard let tag = layout(buffer, unit: unit, mode: mode, run: run, insert: true) else { return }
        names.insert(buffer, name.0, name.1, tag: tag, value: resolved)
    }
}
