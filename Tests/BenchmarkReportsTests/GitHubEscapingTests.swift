import Foundation
import Testing

@testable import BenchmarkReports

/// The one-pass workflow-command escapes must equal the escapes they replaced: controls made
/// visible first, then actions/toolkit's `escapeData` (`%`, CR, LF) and `escapeProperty` (`:`, `,`).
@Suite struct GitHubEscapingTests {
    static func referenceData(_ text: String) -> String {
        var visible = ""
        for scalar in text.unicodeScalars {
            if scalar != "\n", scalar != "\r", scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                visible += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                visible.unicodeScalars.append(scalar)
            }
        }
        return visible.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func referenceProperty(_ text: String) -> String {
        referenceData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    static let texts = [
        "", "plain", "100% sure: yes, no", "line\nbreak\r\nwindows", "esc \u{1B}[31mred\u{1B}[0m",
        "c1 \u{85}\u{9B} del \u{7F}", "é café 🇫🇷 e\u{301} 中文", "%0A literal", "a:b,c%d", "\u{0}\u{1F}\u{20}",
        "benchstat regression: BenchmarkParse/case=00001/size=2-8",
    ]

    @Test(arguments: texts)
    func escapesLikeTheReference(_ text: String) {
        #expect(GitHubReport.data(text) == Self.referenceData(text))
        #expect(GitHubReport.property(text) == Self.referenceProperty(text))
    }

    @Test func randomTextsEscapeLikeTheReference() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Unicode.Scalar] = [
            "a", "%", ":", ",", "\n", "\r", "\u{1B}", "\u{7F}", "\u{85}", "é", "🙂", " ", "\u{0}",
        ]
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int.random(in: 0...20, using: &generator) {
                text.unicodeScalars.append(alphabet.randomElement(using: &generator) ?? "a")
            }
            #expect(GitHubReport.data(text) == Self.referenceData(text), "\(text.debugDescription)")
            #expect(GitHubReport.property(text) == Self.referenceProperty(text), "\(text.debugDescription)")
        }
    }
}
