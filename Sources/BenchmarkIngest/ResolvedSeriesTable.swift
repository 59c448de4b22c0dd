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
    /// Whether the key `find` found last is one that `nextByTemplate` tries (the one after the
    /// key before it, or that key again): its line was then not made like its layout's template.
    private(set) var foundCandidate = false

    /// Per layout, the bytes of a line of it around its name and its value — `{"benchmark": "`,
    /// then `", "unit": "ns", "value": `, then `}` — or an empty template. A line of an interleaved
    /// file is the line of the same key one pass earlier with another value: made of the template
    /// of the next key's layout, the next key's name and a number, it is that key's line, found
    /// without scanning its JSON or hashing its fields (`nextByTemplate`).
    private var templates: [LineTemplate] = []

    /// The three stretches of one line outside its name and its value.
    private struct LineTemplate {
        /// From the line's first byte to its name's first (the opening quote included).
        var before = ByteKey()
        /// From after the name's last byte to the value's first (the closing quote included).
        var between = ByteKey()
        /// From after the value's last byte to the line's end.
        var after = ByteKey()
    }

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
        foundCandidate = position == last || position == last + 1
        last = position
        return resolved(at: position, tag: tag)
    }

    /// The key after the one found or recorded last, or that one again, when line `[start, end)`
    /// is made of the template of that key's layout around that key's name and some token in the
    /// value's place: then the line's fields are that key's, for a template is taken only from a
    /// line the flat scanner read, whose name and value lie where this line has that key's name
    /// (the bytes of a name the scanner read, with no quote, backslash or control byte) and the
    /// token. Returns the key's position and the token's range; the caller checks that the token
    /// is a number and then calls `take(_:)`.
    ///
    /// Those two keys only — the next one (an interleaved file, or a later run file with the
    /// suite in the same order) and the same one (its next sample on the following line): no
    /// hash, one `memcmp` per stretch. Any other key (the first of a pass, another order) is left
    /// to `find`.
    @inline(__always)
    func nextByTemplate(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> (
        position: Int, token: (Int, Int)
    )? {
        guard last >= 0 else { return nil }
        if last + 1 < names.count, let found = byTemplate(of: last + 1, buffer, start, end) { return found }
        return byTemplate(of: last, buffer, start, end)
    }

    /// `nextByTemplate` for the key at `position`.
    @inline(__always)
    private func byTemplate(of position: Int, _ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> (
        position: Int, token: (Int, Int)
    )? {
        let (tag, nameLength) = names.tagAndLength(at: position)
        guard tag < templates.count, templates[tag].before.isSet else { return nil }
        let nameStart = start + templates[tag].before.count
        let nameEnd = nameStart + nameLength
        let tokenStart = nameEnd + templates[tag].between.count
        let tokenEnd = end - templates[tag].after.count
        guard tokenStart < tokenEnd, templates[tag].before.equals(buffer, start, nameStart),
            names.keyBytes(at: position, equal: buffer, from: nameStart),
            templates[tag].between.equals(buffer, nameEnd, tokenStart),
            templates[tag].after.equals(buffer, tokenEnd, end)
        else { return nil }
        return (position, (tokenStart, tokenEnd))
    }

    /// The resolution of the key at `position` (from `nextByTemplate`), now the last one found.
    @inline(__always)
    mutating func take(_ position: Int) -> Resolved {
        last = position
        return resolved(at: position, tag: names.tagAndLength(at: position).tag)
    }

    /// What the key at `position`, of layout `tag`, resolves to.
    @inline(__always)
    private func resolved(at position: Int, tag: Int) -> Resolved {
        let stored = names[position]
        return Resolved(series: stored.series, unit: layouts[tag], runKey: stored.runKey < 0 ? nil : stored.runKey)
    }

    /// Keeps line `[start, end)`, the one found or recorded last, as the template of its layout:
    /// its name (a string's contents) at `name` and its value (a number's token) at `value`, after
    /// the name. The flat scanner read the line, with no `iteration` field. `onlyIfNone` keeps an
    /// existing template (a file whose every line is a new key records one line per key: it needs
    /// no fresh copy each time).
    mutating func keepTemplate(
        _ buffer: UnsafeRawBufferPointer, line: (Int, Int), name: (Int, Int), value: (Int, Int), onlyIfNone: Bool
    ) {
        guard last >= 0, line.0 <= name.0, name.0 <= name.1, name.1 <= value.0, value.0 < value.1,
            value.1 <= line.1
        else { return }
        let tag = names.tagAndLength(at: last).tag
        if templates.count <= tag {
            templates.append(contentsOf: repeatElement(LineTemplate(), count: tag + 1 - templates.count))
        }
        if onlyIfNone, templates[tag].before.isSet { return }
        templates[tag].before.set(buffer, line.0, name.0)
        templates[tag].between.set(buffer, name.1, value.0)
        templates[tag].after.set(buffer, value.1, line.1)
    }

    /// Records the resolution of a line with these fields (which `find` did not know).
    mutating func record(
        _ buffer: UnsafeRawBufferPointer, name: (Int, Int), unit: (Int, Int), mode: (Int, Int)?, run: (Int, Int)?,
        as resolved: Resolved
    ) {
        // Nothing is the last key if nothing is recorded (`keepTemplate` then keeps nothing).
        last = -1
        guard let tag = layout(buffer, unit: unit, mode: mode, run: run, inserting: resolved.unit) else { return }
        last = names.insert(
            buffer, name.0, name.1, tag: tag, value: Stored(series: resolved.series, runKey: resolved.runKey ?? -1))
    }
}
