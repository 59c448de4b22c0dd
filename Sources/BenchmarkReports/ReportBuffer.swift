import Foundation
import NumberText

/// A report under construction as UTF-8 bytes. Renderers append literals, strings and numbers to
/// one growing array instead of concatenating temporary `String`s, so a report costs time linear in
/// its length; `text` decodes the bytes into the `String` the renderers return, once.
struct ReportBuffer {
    /// The UTF-8 bytes written so far.
    var bytes: [UInt8] = []

    /// An empty buffer with room for `capacity` bytes.
    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The bytes as a `String` (they are always valid UTF-8: only strings and ASCII are appended).
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The number of bytes written.
    var count: Int { bytes.count }

    /// Appends a string literal.
    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends a string's UTF-8 bytes.
    mutating func append(contentsOf text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends one byte (an ASCII character).
    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends `count` spaces (none when `count` ≤ 0).
    mutating func appendSpaces(_ count: Int) {
        if count > 0 { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count)) }
    }

    /// Appends `value` in decimal, as `String(value)` writes it.
    mutating func append(integer value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(UInt64(value.magnitude), minimumCount: 1)
    }

    /// Appends the decimal digits of `value`, left-padded with zeros to `minimumCount` digits.
    mutating func appendDigits(_ value: UInt64, minimumCount: Int) {
        if minimumCount > 20 { bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: minimumCount - 20)) }
        // At most 20 digits, written from the end of a 24-byte scratch space.
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &scratch) { raw in
            let index = Self.writeDigits(value, minimumCount: min(minimumCount, 20), into: raw, before: raw.count)
            appendTail(of: raw, from: index)
        }
    }

    /// Writes the decimal digits of `value` (at most 20), left-padded with zeros to `minimumCount`,
    /// so that they end just before `end` in `raw`; returns where they begin.
    static func writeDigits(
        _ value: UInt64, minimumCount: Int, into raw: UnsafeMutableRawBufferPointer, before end: Int
    ) -> Int {
        var rest = value
        var index = end
        repeat {
            index -= 1
            raw[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
        while end - index < minimumCount {
            index -= 1
            raw[index] = UInt8(ascii: "0")
        }
        return index
    }

    /// Appends the bytes of a scratch space from `index` to its end, as one copy (a raw buffer
    /// appended as a sequence goes byte by byte).
    mutating func appendTail(of scratch: UnsafeMutableRawBufferPointer, from index: Int) {
        guard let base = scratch.baseAddress, index < scratch.count else { return }
        bytes.append(
            contentsOf: UnsafeBufferPointer(
                start: (base + index).assumingMemoryBound(to: UInt8.self), count: scratch.count - index))
    }

    /// Appends `value` as printf's `%.<decimals>f` writes it (see `FixedNotation`).
    mutating func append(_ value: Double, decimals: Int) {
        if !FixedNotation.append(value, decimals: decimals, to: &self) {
            append(contentsOf: PrintfNumber.fixed(value, decimals: decimals))
        }
    }
}

/// printf's `%.Nf` computed exactly in integer arithmetic, for the common case where the rounded
/// result fits in 64 bits and N ≤ 19: a double is m·2^e exactly (m < 2^53), so value·10^N is the
/// 117-bit integer m·10^N shifted by e, rounded to nearest with ties to even as glibc's printf
/// rounds (on the exact binary value). Other cases (non-finite values, huge results, N > 19) are
/// left to `PrintfNumber`; `FixedNotationTests` compares both on many values.
enum FixedNotation {
    /// 10^0 … 10^19.
    private static let powers: [UInt64] = {
        var powers: [UInt64] = [1]
        for _ in 1...19 { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()

    /// Appends `value` with `decimals` digits after the point and returns true, or returns false
    /// without writing when the fast path does not apply.
    static func append(_ value: Double, decimals: Int, to buffer: inout ReportBuffer) -> Bool {
        guard value.isFinite, decimals >= 0, decimals <= 19 else { return false }
        guard let scaled = scaledAndRounded(value.magnitude, decimals: decimals) else { return false }
        // Written from the end of a 48-byte scratch space (a sign, at most 20 integer digits, the
        // point and at most 19 decimals) and appended once: SVG coordinates are most of a large page.
        var scratch: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &scratch) { raw in
            let power = powers[decimals]
            var index = raw.count
            if decimals > 0 {
                index = ReportBuffer.writeDigits(scaled % power, minimumCount: decimals, into: raw, before: index)
                index -= 1
                raw[index] = UInt8(ascii: ".")
            }
            index = ReportBuffer.writeDigits(scaled / power, minimumCount: 1, into: raw, before: index)
            if value.sign == .minus {
                index -= 1
                raw[index] = UInt8(ascii: "-")
            }
            buffer.appendTail(of: raw, from: index)
        }
        return true
    }

    /// `magnitude`·10^decimals rounded to the nearest integer (ties to even), or nil when it does
    /// not fit in 64 bits. `magnitude` is finite and not negative.
    static func scaledAndRounded(_ magnitude: Double, decimals: Int) -> UInt64? {
        guard let (floor, roundsUp) = scaled(magnitude, decimals: decimals) else { return nil }
        guard roundsUp else { return floor }
        return floor < UInt64.max ? floor + 1 : nil
    }

    /// `magnitude`·10^decimals (0 ≤ decimals ≤ 19) as its integer part and whether rounding to
    /// nearest, ties to even, goes up from it; nil when the integer part does not fit in 64 bits.
    /// `magnitude` is finite and not negative.
    static func scaled(_ magnitude: Double, decimals: Int) -> (floor: UInt64, roundsUp: Bool)? {
        if magnitude == 0 { return (0, false) }
        let exponentBits = Int(magnitude.exponentBitPattern)
        let mantissa: UInt64
        let exponent: Int
        if exponentBits == 0 {
            mantissa = magnitude.significandBitPattern
            exponent = -1074
        } else {
            mantissa = magnitude.significandBitPattern | (1 << 52)
            exponent = exponentBits - 1075
        }
        // N = mantissa · 10^decimals < 2^53 · 2^64, as (high, low).
        let (high, low) = mantissa.multipliedFullWidth(by: powers[decimals])
        if exponent >= 0 {
            // An integer: N · 2^exponent must fit in 64 bits.
            guard high == 0, exponent < 64 else { return nil }
            if exponent == 0 { return (low, false) }
            guard low >> UInt64(64 - exponent) == 0 else { return nil }
            return (low << UInt64(exponent), false)
        }
        let shift = -exponent
        // N < 2^117 ≤ 2^(shift − 1): less than half, rounds to 0.
        if shift >= 118 { return (0, false) }
        // quotient = N >> shift; the remainder is compared with half = 2^(shift − 1).
        let quotient: UInt64
        let aboveHalf: Bool
        let exactlyHalf: Bool
        if shift < 64 {
            guard high >> UInt64(shift) == 0 else { return nil }
            quotient = (low >> UInt64(shift)) | (high << UInt64(64 - shift))
            let remainder = low & ((1 << UInt64(shift)) - 1)
            let half: UInt64 = 1 << UInt64(shift - 1)
            aboveHalf = remainder > half
            exactlyHalf = remainder == half
        } else if shift == 64 {
            quotient = high
            let half: UInt64 = 1 << 63
            aboveHalf = low > half
            exactlyHalf = low == half
        } else {
            let highShift = UInt64(shift - 64)
            quotient = high >> highShift
            let remainderHigh = high & ((1 << highShift) - 1)
            let halfHigh: UInt64 = 1 << (highShift - 1)
            aboveHalf = remainderHigh > halfHigh || (remainderHigh == halfHigh && low > 0)
            exactlyHalf = remainderHigh == halfHigh && low == 0
        }
        return (quotient, aboveHalf || (exactlyHalf && quotient & 1 == 1))
    }

    /// Appends `value` as printf's `%.1e` writes it (`2.4e-05`) and returns true, or returns false
    /// without writing unless 1e-17 ≤ value < 1e-1 (the p-values that reports print this way).
    /// The exponent E is found exactly (10 ≤ value·10^(1−E) < 100 in integer arithmetic, starting
    /// from log10's guess); the two digits are then rounded like `%f`, and a carry to 100 moves to
    /// the next exponent, as printf does.
    static func appendScientific(_ value: Double, to buffer: inout ReportBuffer) -> Bool {
        guard value >= 1e-17, value < 1e-1 else { return false }
        // k = 1 − E, between 2 and 19.
        var k = 1 - Int(floor(log10(value)))
        for _ in 0..<4 {
            guard k >= 2, k <= 19, let (integer, roundsUp) = scaled(value, decimals: k) else { return false }
            if integer < 10 {
                k += 1
            } else if integer > 99 {
                k -= 1
            } else {
                var digits = integer + (roundsUp ? 1 : 0)
                var exponent = 1 - k
                if digits == 100 {
                    digits = 10
                    exponent += 1
                }
                buffer.append(byte: UInt8(ascii: "0") + UInt8(digits / 10))
                buffer.append(byte: UInt8(ascii: "."))
                buffer.append(byte: UInt8(ascii: "0") + UInt8(digits % 10))
                buffer.append(byte: UInt8(ascii: "e"))
                buffer.append(byte: UInt8(ascii: exponent < 0 ? "-" : "+"))
                buffer.appendDigits(UInt64(exponent.magnitude), minimumCount: 2)
                return true
            }
        }
        return false
    }
}
