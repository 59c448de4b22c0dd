import BenchmarkAnalysis
import BenchmarkModel
import Foundation

/// A minimal JSON writer (a reference type, so nested closures can write through it) with a fixed key order and RFC 8259 string escaping.
/// Non-finite numbers are written as `null`.
final class JSONWriter {
    private(set) var text = ""
    private var needsComma: [Bool] = [false]

    private func separator() {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
    }

    func object(_ body: () -> Void) {
        separator()
        text += "{"
        needsComma.append(false)
        body()
        needsComma.removeLast()
        text += "}"
    }

    func field(_ key: String, _ value: () -> Void) {
        separator()
        text += JSONWriter.quoted(key) + ":"
        needsComma.append(false)
        value()
        needsComma.removeLast()
    }

    func array<T>(_ items: [T], _ element: (T) -> Void) {
        separator()
        text += "["
        needsComma.append(false)
        for item in items { element(item) }
        needsComma.removeLast()
        text += "]"
    }

    func string(_ value: String) {
        separator()
        text += JSONWriter.quoted(value)
    }

    func number(_ value: Double?) {
        separator()
        guard let value, value.isFinite else {
            text += "null"
            return
        }
        if value == value.rounded(), abs(value) < 1e15 {
            text += String(Int64(value))
        } else {
            text += "\(value)"
        }
    }

    func bool(_ value: Bool) {
        separator()
        text += value ? "true" : "false"
    }

    func null() {
        separator()
        text += "null"
    }

    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar == "\u{2028}" || scalar == "\u{2029}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
