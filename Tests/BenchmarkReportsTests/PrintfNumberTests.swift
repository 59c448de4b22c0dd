import Foundation
import NumberText
import Testing

/// `PrintfNumber` must print exactly what Foundation's `String(format:)` prints (the reports and
/// goldens were written with it), including texts longer than its stack buffer.
@Suite struct PrintfNumberTests {
    static let values: [Double] = [
        0, -0.0, 1, -1, 0.5, 2.5, 0.125, 1.005, 123_456.789, -0.000_123_4, 9.999_5, 1e-300, .leastNonzeroMagnitude,
        1e21, 1e308,
        -1.797_693_134_862_315_7e308, .infinity, -.infinity, .nan, 0.000_95, 0.049_999,
    ]

    @Test(arguments: values)
    func formatsLikeFoundation(_ value: Double) {
        #expect(PrintfNumber.format(value, "%.1e") == String(format: "%.1e", value))
        #expect(PrintfNumber.format(value, "%.3g") == String(format: "%.3g", value))
        #expect(PrintfNumber.format(value, "%.2f%%") == String(format: "%.2f%%", value))
        #expect(PrintfNumber.format(value, "%.4g") == String(format: "%.4g", value))
    }

    @Test(arguments: values)
    func fixedLikeFoundation(_ value: Double) {
        for decimals in [0, 1, 2, 3, 9, 17, 30] {
            #expect(PrintfNumber.fixed(value, decimals: decimals) == String(format: "%.\(decimals)f", value))
        }
    }

    @Test func longTextIsComplete() {
        let text = PrintfNumber.fixed(1e308, decimals: 2)
        #expect(text.count == 312)
        #expect(text.hasPrefix("1000000000000000010979063629440455417404923096773118463368106829"))
        #expect(text.hasSuffix(".00"))
    }

    @Test func negativeDecimalsMeanNone() {
        #expect(PrintfNumber.fixed(2.5, decimals: -3) == "2")
    }
}
