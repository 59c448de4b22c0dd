import Testing

@testable import BenchmarkReports

/// Inputs that crashed the `analysis` fuzz target (`Fuzz/run.sh analysis SECONDS`, which renders
/// every format), kept as regular tests after the fix.
@Suite struct FuzzReproducerTests {
    /// fuzz-analysis: an HTML strip plot whose tick spacing was zero or infinite (samples of 5e-324
    /// or 1.8e308) trapped converting `floor(log10(spacing))` to Int.
    @Test func axisTickLabelsOfDegenerateSpacings() {
        let scale = UnitScale(baseUnit: "s", values: [1])
        for resolution in [0, Double.leastNonzeroMagnitude, 1e-300, .infinity, .nan, 1e308, .greatestFiniteMagnitude] {
            let label = LogAxis.Tick(value: 1, resolution: resolution).label(scale)
            #expect(!label.isEmpty, "resolution \(resolution)")
        }
        #expect(LogAxis.Tick(value: 0.25, resolution: 0.01).label(scale) == "0.25")
        #expect(LogAxis.Tick(value: 20, resolution: 10).label(scale) == "20")
    }
}
