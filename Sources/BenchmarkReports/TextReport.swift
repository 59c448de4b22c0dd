import BenchmarkAnalysis
import BenchmarkModel
import Foundation

/// The terminal report: an aligned table per head label, mode and unit (like Go's benchstat), the
/// verdict and reason per row, footnotes for warnings, the suite summary and the gate.
/// Control characters in names are shown escaped; colour only when `ReportInput.colour` is set; with
/// `ReportInput.plot`, a sketch of both samples' distributions (shared log axis) under each row.
enum TextReport {
    /// The table's columns: name, base, its spread, head, its spread, change, interval, p, verdict.
    static let columnCount = 9

    static func render(_ input: ReportInput) -> String { String(decoding: renderUTF8(input), as: UTF8.self) }

    /// The report as UTF-8 bytes, without the copy into a `String`.
    static func renderUTF8(_ input: ReportInput) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunks = ReportChunks { piece in
            bytes.append(contentsOf: piece)
            return true
        }
        render(input, into: &chunks)
        chunks.flush()
        return bytes
    }

    /// The report handed to `chunks` as it is laid out, a chunk (`ReportChunks.chunkSize`) at a
    /// time: never held whole (at a million rows it was 93 MB on top of the cells it was laid out
    /// from). Stops laying out rows once the writer refuses (`ReportChunks.stopped`, e.g. a closed
    /// pipe).
    static func render(_ input: ReportInput, into chunks: inout ReportChunks) {
        let result = input.result
        let table = ReportTable(result, onlyChanged: input.onlyChanged)
        let (shared, sharedIndex) = sharedReasons(table)
        let handOverAt = chunks.chunkSize
        var out = ReportBuffer(capacity: handOverAt + 4096)
        /// Hands what is gathered to the writer once it reaches a chunk (or always, `force`): as it
        /// is, not copied into the chunks' own buffer.
        func handOver(force: Bool = false) {
            guard force || out.count >= handOverAt else { return }
            chunks.append(contentsOf: out.bytes)
            out.bytes.removeAll(keepingCapacity: true)
        }
        for (groupIndex, group) in table.groups.enumerated() {
            let groupShared = sharedIndex[groupIndex]
            if !group.section.isEmpty, groupIndex == 0 || table.groups[groupIndex - 1].section != group.section {
                TextEscaping.appendVisible(ReportTable.sectionHeading(group.section), to: &out)
                out.append("\n")
            }
            var header = CellTable(columns: columnCount)
            for cell in [
                "\(group.mode.rawValue) · \(group.unitHeading)", result.baseLabel, "", group.headLabel, "", "change",
                "\(percent(result.options.confidence)) CI", "p", "verdict",
            ] {
                // Labels and units come from the input: controls shown, never sent to the terminal.
                header.append { TextEscaping.appendVisible(cell, to: &$0) }
            }
            var parts = rowCells(group.rows, shared: groupShared)
            var widths = header.columnWidths()
            for part in parts {
                for (column, width) in part.cells.columnWidths().enumerated() where width > widths[column] {
                    widths[column] = width
                }
            }
            header.appendLine(0, widths: widths, to: &out)
            out.append("\n")
            for partIndex in parts.indices {
                guard !chunks.stopped else { return }
                let part = parts[partIndex]
                // Each part's cells are freed once its lines are out.
                defer { parts[partIndex].cells = CellTable(columns: columnCount) }
                for (line, rowIndex) in part.rows.enumerated() {
                    defer { handOver() }
                    let row = group.rows[rowIndex]
                    let colourCode = input.colour ? Colour.code(row.verdict) : nil
                    if let colourCode {
                        out.append("\u{1B}[")
                        out.append(contentsOf: colourCode)
                        out.append("m")
                    }
                    part.cells.appendLine(line, widths: widths, to: &out)
                    if colourCode != nil { out.append("\u{1B}[0m") }
                    out.append("\n")
                    if input.plot, let base = row.comparison.base, let head = row.comparison.head,
                        let sketch = Sparkline.line(
                            base: base.samplesByRun.flatMap { $0 }, head: head.samplesByRun.flatMap { $0 })
                    {
                        out.append("    ")
                        out.append(contentsOf: sketch)
                        out.append("\n")
                    }
                    if showsReason(row), groupShared[rowIndex] == nil {
                        out.append("    ")
                        TextEscaping.appendVisible(row.reason, to: &out)
                        out.append("\n")
                    }
                }
            }
            out.append("\n")
        }
        if let hidden = table.hiddenLine {
            out.append(contentsOf: hidden)
            out.append("\n\n")
        }
        for (index, reason) in shared.enumerated() {
            out.append("(")
            appendNoteLetter(index, to: &out)
            out.append(") ")
            TextEscaping.appendVisible(reason, to: &out)
            out.append("\n")
        }
        for (index, note) in table.footnotes.enumerated() {
            appendSuperscript(index + 1, to: &out)
            out.append(" ")
            TextEscaping.appendVisible(note, to: &out)
            out.append("\n")
        }
        if !table.footnotes.isEmpty || !shared.isEmpty { out.append("\n") }
        for warning in result.warnings {
            out.append("warning: ")
            TextEscaping.appendVisible(ReasonText.warning(warning), to: &out)
            out.append("\n")
        }
        for summary in result.summaries {
            TextEscaping.appendVisible(summaryLine(summary, base: result.baseLabel), to: &out)
            out.append("\n")
            for difference in summary.environmentDifferences {
                out.append("  environment differs: ")
                TextEscaping.appendVisible(ReasonText.environment(difference), to: &out)
                out.append("\n")
            }
        }
        if let runs = result.historyRuns { out.append(contentsOf: "history: \(runs) past run(s) read\n") }
        out.append(contentsOf: "gate: \(result.gate.verdict.rawValue.uppercased()) — ")
        for (index, reason) in ReasonText.gateReasons(result).enumerated() {
            if index > 0 { out.append("; ") }
            TextEscaping.appendVisible(reason, to: &out)
        }
        out.append("\n")
        handOver(force: true)
    }

    /// Rows from which a group's cells are written in parts, one per core and more: formatting the
    /// numbers of a row is independent of every other row, and at a million rows it was most of
    /// the report's time on one core. Below it, one part on the calling thread.
    static let rowsPerPart = 4096

    /// The cells of `rows` (a group's rows, in order), written in contiguous parts — on every core
    /// when there are several — each with the positions of its rows. `shared` is each row's index
    /// among the shared reasons, or nil. The lines are laid out afterwards, in order, from the
    /// parts' cells and the widths of them all: the bytes are those of one table built row by row.
    static func rowCells(
        _ rows: [ReportTable.Row], shared: [Int?], rowsPerPart: Int = rowsPerPart
    ) -> [(rows: Range<Int>, cells: CellTable)] {
        let perPart = max(rowsPerPart, 1)
        let partCount = rows.count <= perPart ? 1 : min((rows.count - 1) / perPart + 1, 64)
        var parts = (0..<partCount).map { part in
            (
                rows: (rows.count * part / partCount)..<(rows.count * (part + 1) / partCount),
                cells: CellTable(columns: columnCount)
            )
        }
        func write(_ part: inout (rows: Range<Int>, cells: CellTable)) {
            part.cells.removeAll(reservingRows: part.rows.count)
            // The rows are read in place, never copied: a copy of a row retains the array of
            // comparisons behind every row, and both cores doing so per row made that one
            // reference count 6 % of the million's profile.
            rows.withUnsafeBufferPointer { rows in
                for rowIndex in part.rows {
                    let letter = shared[rowIndex]
                    part.cells.append { TextEscaping.appendVisible(rows[rowIndex].name, to: &$0) }
                    part.cells.append { rows[rowIndex].appendBase(to: &$0) }
                    part.cells.append { rows[rowIndex].appendBaseSpread(to: &$0) }
                    part.cells.append { rows[rowIndex].appendHead(to: &$0) }
                    part.cells.append { rows[rowIndex].appendHeadSpread(to: &$0) }
                    part.cells.append { rows[rowIndex].appendChange(to: &$0) }
                    part.cells.append { rows[rowIndex].appendInterval(to: &$0) }
                    part.cells.append { rows[rowIndex].appendP(to: &$0) }
                    part.cells.append { buffer in
                        buffer.append(contentsOf: rows[rowIndex].verdict.rawValue)
                        if let letter {
                            buffer.append(" (")
                            appendNoteLetter(letter, to: &buffer)
                            buffer.append(")")
                        }
                        if !rows[rowIndex].footnotes.isEmpty {
                            buffer.append(" ")
                            // Separated, so that notes 5 and 16 do not read as note 516.
                            for (position, number) in rows[rowIndex].footnotes.enumerated() {
                                if position > 0 { buffer.append(" ") }
                                appendSuperscript(number, to: &buffer)
                            }
                        }
                    }
                }
            }
        }
        if partCount == 1 {
            write(&parts[0])
            return parts
        }
        parts.withUnsafeMutableBufferPointer { buffer in
            // Each part is written by one iteration only, and the rows it reads by no other; the
            // rows and the result behind them are only read.
            nonisolated(unsafe) let partsBuffer = buffer
            nonisolated(unsafe) let writePart = write
            DispatchQueue.concurrentPerform(iterations: partCount) { writePart(&partsBuffer[$0]) }
        }
        return parts
    }

    /// The reasons that three or more rows show (see `showsReason`), in words and sorted, and for
    /// each group's rows the index of the row's reason among them, or nil. Rows share a reason when
    /// their reasons are equal values (`VerdictReason`); only shared ones are put into words here.
    static func sharedReasons(_ table: ReportTable) -> (reasons: [String], index: [[Int?]]) {
        var index = table.groups.map { [Int?](repeating: nil, count: $0.rows.count) }
        // Each shown reason value, in the order first seen, with the (group, row) positions that
        // show it, in table order. A row's reason is compared with the previous row's first (a suite
        // of one-sample benchmarks gives every row the same one): hashing it was a sixth of the
        // report's instructions at 100,000 rows.
        var slotOfReason: [VerdictReason: Int] = [:]
        var firstSeen: [VerdictReason] = []
        var rowsOfSlot: [[(group: Int, row: Int)]] = []
        var previous: (reason: VerdictReason, slot: Int)?
        for (groupIndex, group) in table.groups.enumerated() {
            for (rowIndex, row) in group.rows.enumerated() where showsReason(row) {
                guard let reason = row.reasonValue else { continue }
                let slot: Int
                if let previous, previous.reason == reason {
                    slot = previous.slot
                } else if let known = slotOfReason[reason] {
                    slot = known
                } else {
                    slot = firstSeen.count
                    slotOfReason[reason] = slot
                    firstSeen.append(reason)
                    rowsOfSlot.append([])
                }
                rowsOfSlot[slot].append((groupIndex, rowIndex))
                previous = (reason, slot)
            }
        }
        let sharedSlots = firstSeen.indices.filter { rowsOfSlot[$0].count >= 3 }
        let shared = sharedSlots.map { firstSeen[$0] }
        let texts = shared.map(ReasonText.reason)
        var reasons: [String] = []
        var start = 0
        let order = sortedByReason(texts)
        while start < order.count {
            // Two values that print alike (a p-value equal to three decimals) share one note.
            var end = start + 1
            while end < order.count, order[end].runStart == order[start].runStart { end += 1 }
            for member in order[start..<end] {
                for position in rowsOfSlot[sharedSlots[member.position]] {
                    index[position.group][position.row] = reasons.count
                }
            }
            reasons.append(texts[order[start].position])
            start = end
        }
        return (reasons, index)
    }

    /// The positions of `reasons` in ascending order (`String.<`), each with the start of its run of
    /// equal (`==`) reasons in that order.
    ///
    /// Fast path: when no reason holds a byte ≥ 0xCC, every scalar is below U+0300 — each one in NFC
    /// (NFC_Quick_Check=Yes) with canonical combining class 0 — so every reason is already in NFC.
    /// `String` compares the NFC forms' scalars, so for such strings `==` is byte equality and `<` is
    /// byte order (UTF-8 preserves scalar order): the reasons are compared with `memcmp` in one byte
    /// array instead of as `String`s.
    static func sortedByReason(_ reasons: [String]) -> [(position: Int, runStart: Int)] {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        starts.reserveCapacity(reasons.count + 1)
        for reason in reasons {
            starts.append(bytes.count)
            bytes.append(contentsOf: reason.utf8)
        }
        starts.append(bytes.count)
        var order = Array(reasons.indices)
        var runStarts: [Int] = []
        runStarts.reserveCapacity(order.count)
        if bytes.allSatisfy({ $0 < 0xCC }) {
            bytes.withUnsafeBytes { all in
                /// memcmp-style comparison of reasons `left` and `right`: negative, 0 or positive.
                func compare(_ left: Int, _ right: Int) -> Int {
                    let leftCount = starts[left + 1] - starts[left]
                    let rightCount = starts[right + 1] - starts[right]
                    let common = min(leftCount, rightCount)
                    if common > 0, let base = all.baseAddress {
                        let order = memcmp(base + starts[left], base + starts[right], common)
                        if order != 0 { return Int(order) }
                    }
                    return leftCount - rightCount
                }
                order.sort { compare($0, $1) < 0 }
                for (offset, position) in order.enumerated() {
                    let previous = runStarts.last ?? 0
                    runStarts.append(offset > 0 && compare(order[previous], position) == 0 ? previous : offset)
                }
            }
        } else {
            order.sort { reasons[$0] < reasons[$1] }
            for (offset, position) in order.enumerated() {
                let previous = runStarts.last ?? 0
                runStarts.append(offset > 0 && reasons[order[previous]] == reasons[position] ? previous : offset)
            }
        }
        return zip(order, runStarts).map { (position: $0, runStart: $1) }
    }

    /// Whether a row's reason is worth a line: every verdict but plain noise and missing.
    static func showsReason(_ row: ReportTable.Row) -> Bool {
        switch row.verdict {
        case .regression, .improvement, .inconclusive: true
        case .noise, .missing: false
        }
    }

    /// `a`, `b`, … `z`, `aa`, … `zz`, `aaa`, … for shared-reason notes (bijective base 26, as
    /// spreadsheet columns are named: a suite of 20,000 benchmarks can have more than 702 notes).
    static func noteLetter(_ index: Int) -> String {
        var remaining = max(0, index) + 1
        var letters: [UInt8] = []
        while remaining > 0 {
            remaining -= 1
            letters.append(UInt8(ascii: "a") + UInt8(remaining % 26))
            remaining /= 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// Appends `noteLetter(index)`.
    static func appendNoteLetter(_ index: Int, to buffer: inout ReportBuffer) {
        // Beyond `zz`: three letters and more.
        guard index < 26 * 27 else { return buffer.append(contentsOf: noteLetter(index)) }
        if index >= 26 { buffer.append(byte: UInt8(ascii: "a") + UInt8(truncatingIfNeeded: index / 26 - 1)) }
        buffer.append(byte: UInt8(ascii: "a") + UInt8(truncatingIfNeeded: index % 26))
    }

    static func summaryLine(_ summary: SuiteSummary, base: String) -> String {
        let counts = Verdict.allCases.map { "\(summary.counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        var geomean = "geomean n/a"
        if let g = summary.geomean {
            geomean = "geomean \(ReportNumber.signedPercent(g.percent))"
            if let interval = g.interval {
                geomean += " \(ReportNumber.interval(interval))"
            } else if summary.geomeanCount < 3 {
                geomean += " (too few benchmarks for a suite interval)"
            }
            geomean += " over \(summary.geomeanCount) benchmarks"
        }
        return "\(summary.headLabel) vs \(base): \(geomean); \(counts)"
    }

    static func percent(_ level: Double) -> String {
        let value = level * 100
        return value == value.rounded() ? "\(Int(value))%" : "\(value)%"
    }

    static func superscript(_ number: Int) -> String {
        var buffer = ReportBuffer(capacity: 8)
        appendSuperscript(number, to: &buffer)
        return buffer.text
    }

    /// Appends `number` (not negative) in superscript digits, `¹²`.
    static func appendSuperscript(_ number: Int, to buffer: inout ReportBuffer) {
        var divisor = 1
        while divisor <= number / 10 { divisor *= 10 }
        var rest = number
        repeat {
            let digit = rest / divisor
            rest %= divisor
            divisor /= 10
            switch digit {
            case 1: buffer.append("¹")
            case 2: buffer.append("²")
            case 3: buffer.append("³")
            default:
                // ⁰ is U+2070 and ⁴ … ⁹ are U+2074 … U+2079: E2 81 B0+digit in UTF-8.
                buffer.append(byte: 0xE2)
                buffer.append(byte: 0x81)
                buffer.append(byte: 0xB0 + UInt8(truncatingIfNeeded: digit))
            }
        } while divisor > 0
    }
}

/// ANSI colours for the text report.
enum Colour {
    static func wrap(_ text: String, verdict: Verdict) -> String {
        guard let code = code(verdict) else { return text }
        return "\u{1B}[\(code)m" + text + "\u{1B}[0m"
    }

    /// The SGR colour code of a verdict's row (`31` red for a regression), or nil for none.
    static func code(_ verdict: Verdict) -> String? {
        switch verdict {
        case .regression: "31"
        case .improvement: "32"
        case .inconclusive: "33"
        case .noise, .missing: nil
        }
    }
}

/// The cells of one text table, written into one byte array, with each cell's character count.
struct CellTable {
    let columns: Int
    /// Every cell's bytes, row after row.
    private var bytes = ReportBuffer()
    /// Where each cell ends in `bytes`.
    private var ends: [Int] = []
    /// Each cell's character count (`String.count`), held in 32 bits (half the cells' bookkeeping at
    /// a million rows); a cell of over 4 billion characters counts as 4 billion, which only changes
    /// the padding of a table no terminal can show.
    private var lengths: [UInt32] = []

    init(columns: Int) {
        self.columns = columns
    }

    /// Empties the table, keeping room for `rows` rows.
    mutating func removeAll(reservingRows rows: Int) {
        bytes.bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        lengths.removeAll(keepingCapacity: true)
        ends.reserveCapacity(rows * columns)
        lengths.reserveCapacity(rows * columns)
        bytes.bytes.reserveCapacity(rows * columns * 10)
    }

    /// Adds the next cell (row-major), written by `write`.
    mutating func append(_ write: (inout ReportBuffer) -> Void) {
        let start = bytes.count
        write(&bytes)
        ends.append(bytes.count)
        lengths.append(
            UInt32(
                clamping: bytes.bytes.withUnsafeBufferPointer {
                    CharacterCount.of(UnsafeBufferPointer(rebasing: $0[start...]))
                }))
    }

    /// The widest cell of each column.
    func columnWidths() -> [Int] {
        var widths = [Int](repeating: 0, count: columns)
        for (index, length) in lengths.enumerated() where Int(length) > widths[index % columns] {
            widths[index % columns] = Int(length)
        }
        return widths
    }

    /// Appends row `line` aligned to `widths`: the first and last columns left-aligned, the others
    /// right-aligned, two spaces between columns, no trailing spaces. (The last column is the
    /// verdict, which never ends in a space, so leaving out its padding is what trimming the line's
    /// trailing spaces did.)
    func appendLine(_ line: Int, widths: [Int], to out: inout ReportBuffer) {
        // The line is laid out as spaces of its whole length, then each cell copied to its place:
        // one append per line instead of three per cell (a fifth of the text report's instructions
        // at 100,000 rows).
        var length = 0
        for column in 0..<columns {
            let cell = line * columns + column
            let start = cell == 0 ? 0 : ends[cell - 1]
            length += ends[cell] - start + (column > 0 ? 2 : 0)
            if column < columns - 1 || column == 0 { length += max(0, widths[column] - Int(lengths[cell])) }
        }
        let offset = out.bytes.count
        out.appendSpaces(length)
        out.bytes.withUnsafeMutableBytes { target in
            bytes.bytes.withUnsafeBytes { source in
                guard let targetBase = target.baseAddress, let sourceBase = source.baseAddress else { return }
                var at = offset
                for column in 0..<columns {
                    let cell = line * columns + column
                    let start = cell == 0 ? 0 : ends[cell - 1]
                    let pad = max(0, widths[column] - Int(lengths[cell]))
                    if column > 0 { at += 2 }
                    if column > 0, column < columns - 1 { at += pad }
                    (targetBase + at).copyMemory(from: sourceBase + start, byteCount: ends[cell] - start)
                    at += ends[cell] - start
                    if column == 0 { at += pad }
                }
            }
        }
    }
}

/// Makes untrusted text safe for a terminal: control characters (including ESC, so no ANSI
/// injection) become visible escapes such as `\n`, `\u{1B}`.
enum TextEscaping {
    static func visible(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var buffer = ReportBuffer(capacity: text.utf8.count + 16)
        appendVisible(text, to: &buffer)
        return buffer.text
    }

    /// Whether `text` holds a control character (C0, DEL or C1), so that `visible` changes it.
    static func needsEscaping(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                if controlScalar(bytes, at: index) != nil { return true }
                index += 1
            }
            return false
        }
    }

    /// Appends `visible(text)`. The text is scanned as UTF-8 bytes: a C0 control or DEL is one byte
    /// below 0x20 or 0x7F, a C1 control (U+0080–U+009F) is 0xC2 followed by 0x80–0x9F, and no other
    /// scalar's encoding contains those sequences, so runs without them are copied as they are.
    static func appendVisible(_ text: String, to buffer: inout ReportBuffer) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                guard let scalar = controlScalar(bytes, at: index) else {
                    index += 1
                    continue
                }
                buffer.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                switch scalar {
                case 0x0A: buffer.append("\\n")
                case 0x0D: buffer.append("\\r")
                case 0x09: buffer.append("\\t")
                default:
                    buffer.append("\\u{")
                    let digits = String(scalar, radix: 16, uppercase: true)
                    buffer.append(contentsOf: digits)
                    buffer.append("}")
                }
                index += scalar < 0x80 ? 1 : 2
                runStart = index
            }
            buffer.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
    }

    /// The control character whose UTF-8 encoding starts at `index`, if any.
    @inline(__always)
    static func controlScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt8? {
        let byte = bytes[index]
        if byte < 0x20 || byte == 0x7F { return byte }
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] < 0xA0 { return bytes[index + 1] }
        return nil
    }
}

/// How many characters (grapheme clusters, what `String.count` counts and the text table aligns
/// by) a cell's UTF-8 bytes hold, without building a `String` in the common cases.
enum CharacterCount {
    /// `String(decoding: bytes, as: UTF8.self).count`. Fast path: every scalar is printable ASCII
    /// (U+0020–U+007E), `±` or a superscript digit — the alphabet of the numeric and verdict cells and
    /// of most names. Each of those scalars has Grapheme_Cluster_Break=Other and is not
    /// Extended_Pictographic, so Unicode's rules put a boundary between any two of them (GB999) and
    /// the count is the scalar count. Anything else is counted by `String.count` itself.
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var index = 0
        let end = bytes.count
        while index < end {
            let byte = bytes[index]
            if byte >= 0x20, byte < 0x7F {
                index += 1
            } else if byte == 0xC2, index + 1 < end, isLatin1Symbol(bytes[index + 1]) {
                index += 2
            } else if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x81,
                bytes[index + 2] == 0xB0 || (0xB4...0xB9).contains(bytes[index + 2])
            {
                // ⁰ ⁴ … ⁹
                index += 3
            } else {
                return String(decoding: bytes, as: UTF8.self).count
            }
            count += 1
        }
        return count
    }

    /// The second byte of `±`, `²`, `³` or `¹` after 0xC2.
    @inline(__always)
    private static func isLatin1Symbol(_ byte: UInt8) -> Bool {
        switch byte {
        case 0xB1, 0xB2, 0xB3, 0xB9: true
        default: false
        }
    }

    /// `text.count`, through the same fast path.
    static func of(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { of($0) }
    }
}
