import Foundation
import Testing

@testable import BenchmarkReports

/// The byte-scan fast paths of the JUnit and CSV escapes must return what the full escapes return.
@Suite struct FieldEscapingTests {
    static func referenceXML(_ value: String, attribute: Bool) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// CSV quoting one scalar at a time (a `,` or `=` joined to a combining mark is still one to a
    /// CSV reader or a spreadsheet; comparing `Character`s missed them).
    static func referenceCSV(_ field: String, guardFormula: Bool) -> String {
        var value = field
        if guardFormula, let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
            Double(value) == nil
        {
            value = "'" + value
        }
        guard value.unicodeScalars.contains(where: { ",\"\n\r".unicodeScalars.contains($0) }) else { return value }
        var out = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
        }
        return out + "\""
    }

    @Test(arguments: [
        (",\u{301}x", "\",\u{301}x\""), ("=\u{301}1+1", "'=\u{301}1+1"), ("\t=x", "'\t=x"),
        ("\"\u{301}", "\"\"\"\u{301}\""),
    ])
    func csvQuotesMarksJoinedToCommasAndGuardsFormulas(_ field: String, _ expected: String) {
        #expect(Array(CSVReport.quote(field, guardFormula: true).unicodeScalars) == Array(expected.unicodeScalars))
    }

    @Test func escapesLikeTheFullEscapes() {
        let alphabet: [Unicode.Scalar] = [
            "a", "&", "<", ">", "\"", "\n", "\r", "\t", ",", "=", "-", "1", "\u{0}", "\u{1B}", "\u{FFFE}", "\u{FFFF}",
            "\u{FEFF}", "é", "\u{301}", "🙂", " ",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                text.unicodeScalars.append(alphabet.randomElement(using: &generator) ?? "a")
            }
            #expect(XMLEscaping.text(text) == Self.referenceXML(text, attribute: false), "\(text.debugDescription)")
            #expect(
                XMLEscaping.attribute(text) == Self.referenceXML(text, attribute: true), "\(text.debugDescription)")
            for guardFormula in [false, true] {
                #expect(
                    CSVReport.quote(text, guardFormula: guardFormula)
                        == Self.referenceCSV(text, guardFormula: guardFormula), "\(text.debugDescription)")
            }
        }
    }
}
