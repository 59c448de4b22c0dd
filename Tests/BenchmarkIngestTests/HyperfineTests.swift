import BenchmarkIngest
import BenchmarkModel
import Foundation
import Testing

@Suite("hyperfine JSON")
struct HyperfineTests {
    @Test func realExport() throws {
        let (label, warnings) = try loadSingle("\(Fixtures.peers)/hyperfine/base/hyperfine.json")
        #expect(warnings.isEmpty)
        #expect(
            label.series.map(\.benchmark.name) == [
                "sort", "gzip", "python3 -c 'print(sum(i*i for i in range(200000)))'",
            ])
        for series in label.series {
            #expect(series.sampleCount == 15)
            #expect(series.runs.count == 1)
            #expect(series.unit.baseUnit == "s")
        }
        #expect(label.series.first?.allValues.first == 0.16986144714)
        #expect(label.series.first?.runs.first?.source.line == 13)
    }

    @Test func parameters() throws {
        let (label, _) = try loadSingle("\(Fixtures.peers)/hyperfine/base/hyperfine_params.json")
        #expect(label.series.count == 3)
        #expect(label.series.first?.benchmark.parameters == [KeyValue("bytes", "100000")])
    }

    static func doc(_ times: String, command: String = #""command": "sleep 1","#) -> String {
        """
        {
          "results": [
            {
              \(command)
              "times": [\(times)]
            }
          ]
        }
        """
    }

    static let bad: [BadInput] = [
        BadInput(
            name: "time is a string", content: doc(#"0.1, "0.2""#), kind: .wrongType, line: 5,
            fragment: "results[0].times[1]\": expected a number", fileName: "h.json"),
        BadInput(
            name: "missing command", content: doc("0.1", command: ""), kind: .missingField, line: 3,
            fragment: "results[0].command", fileName: "h.json"),
        BadInput(
            name: "negative time", content: doc("0.1, -0.2"), kind: .valueOutOfRange, line: 5,
            fragment: "value must be > 0", fileName: "h.json"),
        BadInput(
            name: "zero time", content: doc("0"), kind: .valueOutOfRange, line: 5, fragment: "value must be > 0",
            fileName: "h.json"),
        BadInput(
            name: "Infinity", content: doc("Infinity"), kind: .nonFiniteValue, line: 5, fragment: "finite",
            fileName: "h.json"),
        BadInput(
            name: "huge", content: doc("1e400"), kind: .nonFiniteValue, line: 5, fragment: "finite",
            fileName: "h.json"),
        BadInput(
            name: "times not an array", content: doc("").replacingOccurrences(of: "[]", with: "3"),
            kind: .wrongType, line: 5, fragment: "expected an array", fileName: "h.json"),
        BadInput(
            name: "truncated", content: String(doc("0.1").prefix(40)), kind: .malformedLine, line: 4,
            fragment: "invalid JSON", fileName: "h.json"),
    ]

    @Test(arguments: bad)
    func rejects(_ bad: BadInput) throws {
        try expectBadInput(bad)
    }
}
