import BenchmarkAnalysis
import BenchmarkModel
import Foundation

/// A minimal JSON writer (a reference type, so nested closures can write through it) with a fixed key order and RFC 8259 string escaping.
/// Non-finite numbers are written as `null`. The text is built as UTF-8 bytes in a `ReportBuffer`.
final class JSONWriter {
    private var buffer = ReportBuffer(capacity: 4096)
    /// Whether the next value in the current object or array needs a comma first.
    private var needsComma = false

    /// The JSON written so far.
    var text: String { buffer.text }
    /// The UTF-8 bytes written so far.
    var bytes: [UInt8] { buffer.bytes }

    /// Reserves room for `capacity` bytes of output.
    func reserve(_ capacity: Int) {
        buffer.bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    private func separator() {
        if needsComma { buffer.append(byte: UInt8(ascii: ",")) }
        needsComma = true
    }

    func object(_ body: () -> Void) {
        separator()
        buffer.append(byte: UInt8(ascii: "{"))
        needsComma = false
        body()
        buffer.append(byte: UInt8(ascii: "}"))
        needsComma = true
    }

    func field(_ key: String, _ value: () -> Void) {
        separator()
        JSONWriter.appendQuoted(key, to: &buffer)
        buffer.append(byte: UInt8(ascii: ":"))
        needsComma = false
        value()
        needsComma = true
    }

    func array<T>(_ items: [T], _ element: (T) -> Void) {
        separator()
        buffer.append(byte: UInt8(ascii: "["))
        needsComma = false
        for item in items { element(item) }
        buffer.append(byte: UInt8(ascii: "]"))
        needsComma = true
    }

    func string(_ value: String) {
        separator()
        JSONWriter.appendQuoted(value, to: &buffer)
    }

    func number(_ value: Double?) {
        separator()
        guard let value, value.isFinite else {
            buffer.append("null")
            return
        }
        if value == value.rounded(), abs(value) < 1e15 {
            buffer.append(integer: Int(Int64(value)))
        } else {
            buffer.append(contentsOf: value.description)
        }
    }

    func bool(_ value: Bool) {
        separator()
        buffer.append(value ? "true" : "false")
    }

    /// Ends the document with a newline.
    func newline() {
        buffer.append(byte: UInt8(ascii: "\n"))
    }

    func null() {
        separator()
        buffer.append("null")
    }

    static func quoted(_ value: String) -> String {
        var buffer = ReportBuffer(capacity: value.utf8.count + 2)
        appendQuoted(value, to: &buffer)
        return buffer.text
    }

    /// Appends `value` as a JSON string: `"` and `\` escaped, C0 controls as `\n`, `\r`, `\t` or
    /// `\u00XX`, and U+2028/U+2029 as `\u2028`/`\u2029`. The UTF-8 bytes are scanned: a C0 control
    /// is one byte below 0x20, U+2028/U+2029 are E2 80 A8/A9, and no other scalar's encoding
    /// contains those sequences, so the runs in between are copied as they are.
    static func appendQuoted(_ value: String, to buffer: inout ReportBuffer) {
        buffer.append(byte: UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let escape: StaticString?
                var length = 1
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0xE2
                where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    length = 3
                case 0..<0x20: escape = nil
                default:
                    index += 1
                    continue
                }
                buffer.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                if let escape {
                    buffer.append(escape)
                } else {
                    buffer.append("\\u00")
                    buffer.append(byte: hexDigit(byte >> 4))
                    buffer.append(byte: hexDigit(byte & 0xF))
                }
                index += length
                runStart = index
            }
            buffer.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        buffer.append(byte: UInt8(ascii: "\""))
    }

    /// A lowercase hexadecimal digit.
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
