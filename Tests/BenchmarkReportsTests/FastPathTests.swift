import BenchstatTestSupport
import Foundation
import NumberText
import Testing

@testable import BenchmarkReports

/// The renderers' fast paths against the slower algorithms they replaced, which are kept here as
/// references: printf for numbers, `String.count` for widths, `String` comparison for shared
/// reasons, the per-scalar escaper.
@Suite struct FastPathTests {
    /// Values around rounding ties, powers of ten, subnormals, huge and non-finite numbers.
    static let specialValues: [Double] = [
        0, -0.0, 1, -1, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1.005, 0.045, 9.995, 9.9995, 99.95, 0.000_5, 0.001,
        0.000_95, 0.049_999, 123_456.789, 1e15, 1e16, 1e17, 1.844_674_407_370_955_2e19, 1e19, 1e20, 1e21, 1e300,
        .leastNonzeroMagnitude, .leastNormalMagnitude, 1e-300, 1e-17, 1e-16, 9.95e-5, 9.96e-5, 0.099_99, 0.05,
        .greatestFiniteMagnitude, .infinity, -.infinity, .nan, 4_503_599_627_370_496.5, 9_007_199_254_740_992,
    ]

    /// Random values over many magnitudes, reproducible.
    static func randomValues(count: Int) -> [Double] {
        var generator = SplitMix64(seed: 42)
        return (0..<count).map { _ in
            let mantissa = Double(generator.next() % 1_000_000_007) / 1_000_000_007
            let exponent = Int(generator.next() % 40) - 20
            let sign: Double = generator.next() % 4 == 0 ? -1 : 1
            return sign * mantissa * pow(10, Double(exponent))
        }
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String {
        var buffer = ReportBuffer()
        buffer.append(value, decimals: decimals)
        return buffer.text
    }

    @Test func fixedNotationIsPrintf() {
        for value in Self.specialValues + Self.randomValues(count: 20_000) {
            for decimals in [0, 1, 2, 3, 4, 6, 9, 13, 17, 19, 20, 25] {
                #expect(
                    Self.fixed(value, decimals) == PrintfNumber.fixed(value, decimals: decimals),
                    "\(value) with \(decimals) decimals")
            }
        }
    }

    @Test func fixedNotationTiesRoundToEven() {
        // Exact binary ties: printf rounds them to even.
        for (value, decimals, text) in [
            (0.5, 0, "0"), (1.5, 0, "2"), (2.5, 0, "2"), (0.125, 2, "0.12"), (0.375, 2, "0.38"), (-0.125, 2, "-0.12"),
        ] {
            #expect(Self.fixed(value, decimals) == text)
        }
        #expect(Self.fixed(-0.001, 2) == "-0.00")
    }

    @Test func pValuesArePrintf() {
        var values = Self.specialValues.filter { $0 > 0 && $0 < 1 }
        values += Self.randomValues(count: 20_000).map { abs($0) }.filter { $0 < 1 }
        // Near every power of ten and every two-digit rounding boundary.
        for exponent in -17...0 {
            for digits in stride(from: 9.5, through: 100, by: 0.5) {
                let value = digits * pow(10, Double(exponent - 1))
                values += [value, value.nextUp, value.nextDown]
            }
        }
        for p in values {
            var buffer = ReportBuffer()
            ReportNumber.pValue(p, to: &buffer)
            let expected: String
            if p < 1e-16 {
                expected = "<1e-16"
            } else if p < 0.001 {
                expected = PrintfNumber.format(p, "%.1e")
            } else {
                expected = PrintfNumber.fixed(p, decimals: 3)
            }
            #expect(buffer.text == expected, "\(p)")
            var scientific = ReportBuffer()
            if FixedNotation.appendScientific(p, to: &scientific) {
                #expect(scientific.text == PrintfNumber.format(p, "%.1e"), "\(p)")
            }
        }
    }

    @Test func integersAndSuperscripts() {
        for number in [0, 1, 9, 10, 42, 99, 100, 1234, 9_876_543_210, Int.max, Int.min, -7] {
            var buffer = ReportBuffer()
            buffer.append(integer: number)
            #expect(buffer.text == String(number))
        }
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        for number in [0, 1, 2, 3, 4, 9, 10, 17, 20, 100, 1234, 567_890] {
            let old = String(String(number).compactMap { $0.wholeNumberValue.map { digits[$0] } })
            #expect(TextReport.superscript(number) == old)
        }
        for index in 0..<(26 * 27 + 30) {
            var buffer = ReportBuffer()
            TextReport.appendNoteLetter(index, to: &buffer)
            #expect(buffer.text == TextReport.noteLetter(index))
        }
        // The two-letter names of before, then three letters where they used to crash.
        let named = [0: "a", 25: "z", 26: "aa", 51: "az", 52: "ba", 701: "zz", 702: "aaa", 703: "aab", 18_277: "zzz"]
        for (index, name) in named { #expect(TextReport.noteLetter(index) == name) }
    }

    /// Names with combining marks, emoji sequences, CJK, prepended marks, controls, CR LF.
    static let unicodeTexts = [
        "plain/ascii-8", "", " ", "e\u{301}", "cafe\u{301}/size=1", "é", "👍🏽", "👨‍👩‍👧", "🇫🇷🇩🇪", "漢字/ベンチ",
        "\u{600}x", "x\u{600}", "a\r\nb", "\r\n", "tab\there", "ansi \u{1B}[31m", "\u{85}c1", "±", "± 0.17%",
        "¹²³⁴⁵⁶⁷⁸⁹⁰",
        "±\u{301}", "¹\u{20DD}", "regression (a) ¹²", "K\u{212A}", "\u{0915}\u{094D}\u{0937}", "a\u{200D}b", "©️",
        "\u{1100}\u{1161}\u{11A8}", "x\u{308}\u{308}", "\u{7F}\u{9F}\u{A0}",
    ]

    @Test func characterCountsAreStringCounts() {
        for text in Self.unicodeTexts {
            #expect(CharacterCount.of(text) == text.count, "\(text.unicodeScalars.map(\.value))")
            let visible = TextEscaping.visible(text)
            #expect(CharacterCount.of(visible) == visible.count)
        }
        // Every pair of scalars from the fast path's alphabet and a few others.
        let scalars = ["a", " ", "~", "±", "²", "³", "¹", "⁰", "⁴", "⁹", "\u{301}", "\u{600}", "\r", "\n", "é", "👍"]
        for first in scalars {
            for second in scalars {
                for third in scalars {
                    let text = first + second + third
                    #expect(CharacterCount.of(text) == text.count, "\(text.unicodeScalars.map(\.value))")
                }
            }
        }
    }

    /// The escaper before the byte scan: one scalar at a time.
    static func scalarVisible(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test func escapingMatchesTheScalarEscaper() {
        var texts = Self.unicodeTexts
        texts += (0..<0x100).map { String(UnicodeScalar(UInt8($0))) + "x" }
        texts += ["\u{80}", "\u{9F}\u{A0}\u{C2}", "\u{100}\u{2028}", "end\u{1B}"]
        for text in texts {
            #expect(TextEscaping.visible(text) == Self.scalarVisible(text))
            #expect(TextEscaping.needsEscaping(text) == (Self.scalarVisible(text) != text))
        }
    }

    @Test func reasonsSortLikeStrings() {
        let pool = [
            "not significant (p=0.994) but the interval crosses ±5%", "not significant (p=1)", "a", "b", "ab", "",
            "+7.67% is significant (p=<1e-16), beyond ±1%", "é", "e\u{301}", "K", "\u{212A}", "z", "Z", "ñ", "n\u{303}",
        ]
        var generator = SplitMix64(seed: 7)
        for round in 0..<200 {
            // Half the rounds without the decomposed and compatibility strings (the fast path).
            let source = round % 2 == 0 ? pool.filter { $0.utf8.allSatisfy { $0 < 0xCC } } : pool
            let reasons = (0..<Int(generator.next() % 30)).map { _ in
                source[Int(generator.next() % UInt64(source.count))]
            }
            let sorted = TextReport.sortedByReason(reasons)
            #expect(sorted.map(\.position).sorted() == Array(reasons.indices))
            for (offset, entry) in sorted.enumerated() {
                let run = reasons[sorted[entry.runStart].position]
                #expect(reasons[entry.position] == run)
                if offset > 0 {
                    let previous = reasons[sorted[offset - 1].position]
                    #expect(!(reasons[entry.position] < previous))
                    #expect((previous == reasons[entry.position]) == (sorted[offset - 1].runStart == entry.runStart))
                }
            }
        }
    }
}

/// The JSON and markdown escapers against the character- and scalar-wise ones they replaced.
@Suite struct EscaperFastPathTests {
    static var texts: [String] {
        FastPathTests.unicodeTexts + (0..<0x100).map { "<" + String(UnicodeScalar(UInt8($0))) + ">" } + [
            "pipe|in|name", "back`tick`s", "<script>alert(1)</script>", "ping @octocat", "a&b", "*_[]\\#~", "&\u{301}",
            "|\u{301}", "`\u{301}", "\u{2028}\u{2029}\u{2027}\u{202A}", "quote \"double\" 'single'", "\u{600}|",
            "\u{1FEF}", "±|`&\u{A9}\u{AD}ʰ˿", "\u{2FF}|\u{300}", "x\u{7F}|",
        ]
    }

    /// The JSON string quoting before the byte scan.
    static func scalarQuoted(_ value: String) -> String {
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

    @Test func jsonQuotingMatchesTheScalarQuoting() {
        for text in Self.texts { #expect(JSONWriter.quoted(text) == Self.scalarQuoted(text)) }
    }

    /// Markdown's inline escaping, one scalar at a time: every metacharacter scalar escaped whatever
    /// marks surround it (escaping by `Character` left `<` + U+0301 or U+0600 + `@` bare, and a
    /// markdown parser sees them), U+1FEF (a backtick once normalised) as a backtick.
    static func scalarInline(_ visible: String) -> String {
        var out = ""
        for scalar in visible.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "|": out += "\\|"
            case "`", "\u{1FEF}": out += "&#96;"
            case "@": out += "&#64;"
            case "*", "_", "[", "]", "\\", "#", "~": out += "\\" + String(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The code-span escaping, one scalar at a time.
    static func scalarCode(_ visible: String) -> String {
        var out = ""
        for scalar in visible.unicodeScalars {
            switch scalar {
            case "|": out += "\\|"
            case "`", "\u{1FEF}": out += "ˋ"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test func markdownEscapingMatchesTheScalarEscaping() {
        for text in Self.texts + ["x\u{600}<img src=x onerror=alert(1)>\u{301}", "\u{600}@octocat", "[l\u{301}](u)"] {
            let visible = TextEscaping.visible(text)
            #expect(MarkdownEscaping.inline(text) == Self.scalarInline(visible), "\(text.unicodeScalars.map(\.value))")
            #expect(MarkdownEscaping.code(text) == Self.scalarCode(visible))
        }
        #expect(!MarkdownEscaping.inline("x\u{600}<img>\u{301}").contains("<"))
        #expect(
            !MarkdownEscaping.code("|\u{301}pipe").contains(where: { $0 == "|" })
                || MarkdownEscaping.code("|\u{301}pipe").hasPrefix("\\|"))
    }
}
