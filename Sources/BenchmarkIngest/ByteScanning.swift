import Foundation

/// Byte-level helpers shared by the text loaders: line splitting, whitespace and number parsing.
/// They work on `UnsafeRawBufferPointer` views of a file's bytes, so that no line is copied into
/// a `String` unless a name is kept.
enum Bytes {
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// The high bit of the bytes of `word` equal to `byte` (Bit Twiddling Hacks, `haszero` of
    /// word ^ byte…byte): non-zero exactly when one is, and the lowest marked byte is the first such
    /// one (a borrow disturbs only the bytes after it).
    @inline(__always)
    static func bytes(of word: UInt64, equalTo byte: UInt8) -> UInt64 {
        let difference = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (difference &- 0x0101_0101_0101_0101) & ~difference & 0x8080_8080_8080_8080
    }

    /// The high bit of the bytes of `word` below `bound` (≤ 0x80; `hasless`): non-zero exactly when
    /// one is, the lowest marked byte being the first.
    @inline(__always)
    static func bytes(of word: UInt64, below bound: UInt8) -> UInt64 {
        (word &- 0x0101_0101_0101_0101 &* UInt64(bound)) & ~word & 0x8080_8080_8080_8080
    }

    /// The index of the first whitespace byte (`isSpace`) in `[start, end)`, or `end`: the end of
    /// a field. Eight bytes at a time while none of them is below `!` (0x21).
    @inline(__always)
    static func fieldEnd(_ buffer: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int {
        guard let base = buffer.baseAddress else { return end }
        var i = start
        while i + 8 <= end {
            let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if bytes(of: word, below: 0x21) != 0 { break }
            i += 8
        }
        while i < end, !isSpace(base.load(fromByteOffset: i, as: UInt8.self)) { i += 1 }
        return i
    }

    /// The index of the first byte in `[start, end)` that ends or interrupts an unescaped JSON
    /// string — `"`, `\\` or a control byte below 0x20 — or `end`. Eight bytes at a time while
    /// none of them is one.
    @inline(__always)
    static func jsonStringEnd(_ buffer: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int {
        guard let base = buffer.baseAddress else { return end }
        var i = start
        while i + 8 <= end {
            let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let found =
                bytes(of: word, equalTo: UInt8(ascii: "\"")) | bytes(of: word, equalTo: UInt8(ascii: "\\"))
                | bytes(of: word, below: 0x20)
            if found != 0 { break }
            i += 8
        }
        while i < end {
            let byte = base.load(fromByteOffset: i, as: UInt8.self)
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            i += 1
        }
        return i
    }

    /// The index of the first byte in `[start, end)` that ends a JSON number or literal — `,`, `}`
    /// or a byte below `!` (whitespace, and control bytes, which the caller then refuses) — or `end`;
    /// eight bytes at a time (a byte loop was a fifth of the flat JSON scanner's time).
    @inline(__always)
    static func jsonTokenEnd(_ buffer: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int {
        guard let base = buffer.baseAddress else { return end }
        var i = start
        while i + 8 <= end {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            // The lowest marked byte is the first comma, brace or byte below 0x21.
            let found =
                bytes(of: word, equalTo: UInt8(ascii: ",")) | bytes(of: word, equalTo: UInt8(ascii: "}"))
                | bytes(of: word, below: 0x21)
            if found != 0 { return i + found.trailingZeroBitCount / 8 }
            i += 8
        }
        while i < end {
            let byte = base.load(fromByteOffset: i, as: UInt8.self)
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte < 0x21 { return i }
            i += 1
        }
        return end
    }

    /// Whether every byte is ASCII (below 0x80), eight bytes at a time.
    @inline(__always)
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
        var combined: UInt64 = 0
        var i = 0
        while i + 8 <= bytes.count {
            combined |= base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < bytes.count {
            combined |= UInt64(bytes[i])
            i += 1
        }
        return combined & 0x8080_8080_8080_8080 == 0
    }

    /// The index of the next `\n` at or after `start`, or `end`.
    @inline(__always)
    static func lineEnd(_ buffer: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int {
        guard start < end, let base = buffer.baseAddress else { return end }
        if let found = memchr(base + start, Int32(newline), end - start) {
            return base.distance(to: UnsafeRawPointer(found))
        }
        return end
    }

    /// `[start, end)` with ASCII whitespace removed on both sides.
    @inline(__always)
    static func trim(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> (Int, Int) {
        var lower = start
        var upper = end
        while lower < upper, isSpace(buffer[lower]) { lower += 1 }
        while upper > lower, isSpace(buffer[upper - 1]) { upper -= 1 }
        return (lower, upper)
    }

    /// Whether bytes `[start, end)` equal `literal`.
    @inline(__always)
    static func equals(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard end - start == count, let base = buffer.baseAddress else { return false }
        return memcmp(base + start, literal.utf8Start, count) == 0
    }

    /// Whether bytes at `start` begin with `literal`.
    @inline(__always)
    static func hasPrefix(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard end - start >= count, let base = buffer.baseAddress else { return false }
        return memcmp(base + start, literal.utf8Start, count) == 0
    }

    /// Bytes `[start, end)` as a String (invalid UTF-8 is repaired).
    @inline(__always)
    static func string(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
    }

    /// A short, printable excerpt of bytes `[start, end)` for messages.
    static func excerpt(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int, limit: Int = 40) -> String {
        let upper = min(end, start + limit)
        let text = string(buffer, start, upper)
        return end > upper ? "\(text)…" : text
    }

    /// Parses a decimal floating-point number occupying exactly `[start, end)`.
    ///
    /// Integers and short decimals take an exact fast path (Clinger's: a mantissa below 2^53
    /// scaled by an exactly representable power of ten is correctly rounded); anything else,
    /// including `NaN`, `Inf` and `Infinity`, goes through `Double(String)` (strtod). Returns nil
    /// when the bytes are not a number.
    @inline(__always)
    static func parseDouble(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Double? {
        // The common case first: at most 15 digits (so below 2^53) and at most one `.`, nothing else.
        if end > start, end - start <= 15, let base = buffer.baseAddress {
            var mantissa: UInt64 = 0
            var dot = -1
            var i = start
            while i < end {
                let byte = base.load(fromByteOffset: i, as: UInt8.self)
                let digit = byte &- 0x30
                if digit < 10 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                } else if byte == UInt8(ascii: "."), dot < 0 {
                    dot = i
                } else {
                    break
                }
                i += 1
            }
            if i == end, dot < 0 || end - start >= 2 {
                let value = Double(mantissa)
                return dot < 0 || dot == end - 1 ? value : value / powersOfTen[end - dot - 1]
            }
        }
        return parseGeneralDouble(buffer, start, end)
    }

    /// `parseDouble` beyond the common case: signs, exponents, long mantissas, NaN and infinities.
    private static func parseGeneralDouble(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Double? {
        guard start < end else { return nil }
        var i = start
        var negative = false
        if buffer[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        } else if buffer[i] == UInt8(ascii: "+") {
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var sawDigit = false
        /// Reads a run of digits into the mantissa; false past 19 significant digits (strtod's turf;
        /// 19 digits stay below 10¹⁹ < 2⁶⁴).
        func readDigits(fraction: Bool) -> Bool {
            // Eight digits at once where the mantissa has already begun (a fraction after an
            // integer part; Lemire's SWAR conversion), then one by one.
            if mantissa != 0, let base = buffer.baseAddress {
                while digits + 8 <= 19, i + 8 <= end {
                    let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    guard Self.isEightDigits(word) else { break }
                    mantissa = mantissa &* 100_000_000 &+ Self.eightDigitsValue(word)
                    digits += 8
                    if fraction { fractionDigits += 8 }
                    i += 8
                }
            }
            while i < end {
                let digit = buffer[i] &- 0x30
                guard digit < 10 else { break }
                sawDigit = true
                if mantissa != 0 || digit != 0 { digits += 1 }
                if digits > 19 { return false }
                mantissa = mantissa &* 10 &+ UInt64(digit)
                if fraction { fractionDigits += 1 }
                i += 1
            }
            return true
        }
        guard readDigits(fraction: false) else { return decimalStrtod(buffer, start, end) }
        if i < end, buffer[i] == UInt8(ascii: ".") {
            i += 1
            guard readDigits(fraction: true) else { return decimalStrtod(buffer, start, end) }
        }
        guard sawDigit else { return slowDouble(buffer, start, end) }
        var exponent = 0
        if i < end, buffer[i] == UInt8(ascii: "e") || buffer[i] == UInt8(ascii: "E") {
            i += 1
            var exponentNegative = false
            if i < end, buffer[i] == UInt8(ascii: "-") || buffer[i] == UInt8(ascii: "+") {
                exponentNegative = buffer[i] == UInt8(ascii: "-")
                i += 1
            }
            var sawExponentDigit = false
            while i < end {
                let digit = buffer[i] &- 0x30
                guard digit < 10 else { break }
                sawExponentDigit = true
                if exponent < 100_000 { exponent = exponent * 10 + Int(digit) }
                i += 1
            }
            guard sawExponentDigit else { return nil }
            if exponentNegative { exponent = -exponent }
        }
        guard i == end else { return nil }
        let power = exponent - fractionDigits
        if mantissa >= (1 << 53), power >= -19, power <= 19 {
            // 16 to 19 significant digits, as a full-precision `go test` or JSON writer prints them.
            let value = exactLongDecimal(mantissa, power: power)
            return negative ? -value : value
        }
        guard mantissa < (1 << 53), power >= -22, power <= 22 else { return decimalStrtod(buffer, start, end) }
        var value = Double(mantissa)
        if power < 0 {
            value /= powersOfTen[-power]
        } else if power > 0 {
            value *= powersOfTen[power]
        }
        return negative ? -value : value
    }

    /// Whether the eight bytes of `word` (first byte lowest) are all ASCII digits (Lemire 2021,
    /// "Number parsing at a gigabyte per second", *Software: Practice and Experience* 51(8)).
    @inline(__always)
    static func isEightDigits(_ word: UInt64) -> Bool {
        (((word &+ 0x4646_4646_4646_4646) | (word &- 0x3030_3030_3030_3030)) & 0x8080_8080_8080_8080) == 0
    }

    /// The number the eight ASCII digits of `word` spell (first byte most significant), by three
    /// multiplications (Lemire 2021).
    @inline(__always)
    static func eightDigitsValue(_ word: UInt64) -> UInt64 {
        var value = word &- 0x3030_3030_3030_3030
        value = value &* 10 &+ (value >> 8)
        let mask: UInt64 = 0x0000_00FF_0000_00FF
        let low = (value & mask) &* 0x000F_4240_0000_0064  // 100 + (1,000,000 << 32)
        let high = ((value >> 16) & mask) &* 0x0000_2710_0000_0001  // 1 + (10,000 << 32)
        return (low &+ high) >> 32
    }

    /// 10^`exponent`, exactly, for `exponent` in 0...22.
    @inline(__always)
    static func powerOfTen(_ exponent: Int) -> Double { powersOfTen[exponent] }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The double nearest to `mantissa` · 10^`power` (ties to even), for 2⁵³ ≤ mantissa < 2⁶⁴ and
    /// |power| ≤ 19, in integer arithmetic — the correctly rounded value strtod returns, without
    /// strtod. For power ≥ 0 the product `mantissa` · 10^power is exact (64 × 64 → 128 bits). For
    /// power = −k, 10^k = 5^k · 2^k and 5^19 < 2⁴⁵, so the quotient `mantissa` · 2^s / 5^k is one
    /// 128-by-64-bit division (the processor's own), s chosen to leave it 63 or 64 bits; its remainder
    /// is kept as a sticky bit and 2^k joins the exponent. (A 128-by-128-bit division by 10^k, a
    /// software routine, was 6 % of loading a full-precision suite.)
    static func exactLongDecimal(_ mantissa: UInt64, power: Int) -> Double {
        if power >= 0 {
            let (high, low) = mantissa.multipliedFullWidth(by: powersOfTenUInt64[power])
            return nearestDouble(UInt128(high) << 64 | UInt128(low), sticky: false, shift: 0)
        }
        let k = -power
        let divisor = powersOfFive[k]
        let mantissaBits = 64 - mantissa.leadingZeroBitCount
        let divisorBits = 64 - divisor.leadingZeroBitCount
        // m · 2^s < 2^(63 + divisorBits) ≤ divisor · 2⁶⁴: the quotient fits in 64 bits, and it is at
        // least 2^(mantissaBits − 1 + s − divisorBits) = 2⁶².
        let shift = 63 - mantissaBits + divisorBits
        let dividend = UInt128(mantissa) << shift
        let (quotient, remainder) = divisor.dividingFullWidth(
            (high: UInt64(truncatingIfNeeded: dividend >> 64), low: UInt64(truncatingIfNeeded: dividend)))
        return nearestDouble(UInt128(quotient), sticky: remainder != 0, shift: shift + k)
    }

    /// 10^k for k in 0...19 (10¹⁹ < 2⁶⁴).
    private static let powersOfTenUInt64: [UInt64] = (0...19).map { k in
        var value: UInt64 = 1
        for _ in 0..<k { value *= 10 }
        return value
    }

    /// 5^k for k in 0...19 (5¹⁹ < 2⁴⁵).
    private static let powersOfFive: [UInt64] = (0...19).map { k in
        var value: UInt64 = 1
        for _ in 0..<k { value *= 5 }
        return value
    }

    /// The double nearest to `value` · 2^−`shift`, where `sticky` says that nonzero bits lie below
    /// `value`'s last one; ties to even. `value` > 0, its result in the normal range.
    private static func nearestDouble(_ value: UInt128, sticky: Bool, shift: Int) -> Double {
        let bits = 128 - value.leadingZeroBitCount
        guard bits > 53 else {
            return Double(sign: .plus, exponent: -shift, significand: Double(UInt64(truncatingIfNeeded: value)))
        }
        var drop = bits - 53
        var top = UInt64(truncatingIfNeeded: value >> drop)
        let rest = value & ((1 << drop) - 1)
        let half: UInt128 = 1 << (drop - 1)
        if rest > half || (rest == half && (sticky || top & 1 == 1)) {
            top += 1
            if top == 1 << 53 {
                top >>= 1
                drop += 1
            }
        }
        return Double(sign: .plus, exponent: drop - shift, significand: Double(top))
    }

    /// strtod on bytes that begin as a decimal number (a sign, then digits: never hexadecimal, NaN
    /// or an infinity), copied NUL-terminated to the stack — without the `String` that
    /// `Double(String)` (the same strtod) would build. Nil unless strtod takes every byte.
    private static func decimalStrtod(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Double? {
        let length = end - start
        guard length > 0, length < 4096 else { return slowDouble(buffer, start, end) }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { copy -> Double? in
            guard let target = copy.baseAddress, let source = buffer.baseAddress else { return nil }
            UnsafeMutableRawPointer(target).copyMemory(from: source + start, byteCount: length)
            target[length] = 0
            var stop: UnsafeMutablePointer<CChar>?
            let value = strtod(target, &stop)
            return stop == target + length ? value : nil
        }
    }

    private static func slowDouble(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Double? {
        let text = string(buffer, start, end)
        switch text.lowercased() {
        case "nan", "+nan", "-nan": return .nan
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: break
        }
        // Only decimal syntax: strtod would also take hexadecimal floats.
        guard
            text.utf8.allSatisfy({
                ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 == 0x65 || $0 == 0x45
            })
        else { return nil }
        return Double(text)
    }

    /// Parses `text` as `parseDouble(_:_:_:)` does: decimal syntax only (no hexadecimal floats,
    /// which `Double(String)` would take), plus NaN and infinities for the caller to reject.
    static func parseDouble(_ text: some StringProtocol) -> Double? {
        var copy = String(text)
        return copy.withUTF8 { parseDouble(UnsafeRawBufferPointer($0), 0, $0.count) }
    }

    /// Parses a non-negative decimal integer occupying exactly `[start, end)`.
    @inline(__always)
    static func parseInt(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Int? {
        guard start < end, end - start <= 18, let base = buffer.baseAddress else { return nil }
        var value = 0
        var i = start
        while i < end {
            let digit = base.load(fromByteOffset: i, as: UInt8.self) &- 0x30
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int(digit)
            i += 1
        }
        return value
    }
}

/// A copy of a few bytes of a line (a name, a unit, a whole line), kept to recognise the same
/// bytes on later lines after the reader's buffer has moved on.
///
/// The copy is a `memcpy` into storage that only grows: `set` runs once per line of a file whose
/// consecutive lines differ (an interleaved suite), where `removeAll(keepingCapacity:)` and
/// `append(contentsOf:)` cost ~660 instructions a 100-byte line (9% of loading such a file).
struct ByteKey {
    private var storage: [UInt8] = []
    /// How many bytes of `storage` are kept.
    private(set) var count = 0
    /// False until `set` is called, and after `clear()`: then nothing equals it.
    private(set) var isSet = false

    /// Whether bytes `[start, end)` of `buffer` are the kept bytes.
    @inline(__always)
    func equals(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Bool {
        let count = end - start
        guard isSet, count == self.count else { return false }
        if count == 0 { return true }
        return storage.withUnsafeBytes { own in
            guard let ownBase = own.baseAddress, let base = buffer.baseAddress else { return false }
            return memcmp(ownBase, base + start, count) == 0
        }
    }

    /// Keeps bytes `[start, end)` of `buffer`.
    mutating func set(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int) {
        let count = max(end - start, 0)
        if storage.count < count { storage = [UInt8](repeating: 0, count: max(count, 2 * storage.count, 64)) }
        if count > 0, let base = buffer.baseAddress {
            storage.withUnsafeMutableBytes { own in
                guard let ownBase = own.baseAddress else { return }
                memcpy(ownBase, base + start, count)
            }
        }
        self.count = count
        isSet = true
    }

    /// Calls `body` with the kept bytes.
    @inline(__always)
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        storage.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }

    /// When bytes at `start` of the line `[start, end)` are the kept bytes followed by a
    /// whitespace byte, the index of that byte (the end of the line's first field); else nil.
    @inline(__always)
    func fieldEnd(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Int? {
        let count = self.count
        guard isSet, count > 0, end - start > count, Bytes.isSpace(buffer[start + count]) else { return nil }
        let equal = storage.withUnsafeBytes { own in
            guard let ownBase = own.baseAddress, let base = buffer.baseAddress else { return false }
            return memcmp(ownBase, base + start, count) == 0
        }
        return equal ? start + count : nil
    }

    /// Forgets the kept bytes.
    mutating func clear() {
        isSet = false
    }
}
