import BenchmarkModel

/// State shared by every loader during one `DatasetLoader` call: the options and the warnings
/// collected so far (carried to the edge, never printed here).
struct IngestContext {
    let options: LoadOptions
    private(set) var warnings: [InputWarning] = []
    private var warnedUnits: Set<String> = []

    init(options: LoadOptions) {
        self.options = options
    }

    mutating func warn(_ location: SourceLocation, _ message: String) {
        warnings.append(InputWarning(location: location, message: message))
    }

    /// The mode of a sample: the explicit one, else the unit's implied mode, else walltime with
    /// one warning per unknown unit (walltime is the cautious choice: it trusts within-run
    /// variance as noise instead of declaring the measurement exact).
    mutating func resolveMode(
        explicit: MeasurementMode?, unit: MeasurementUnit, at location: @autoclosure () -> SourceLocation
    ) -> MeasurementMode {
        if let explicit { return explicit }
        if let implied = unit.impliedMode { return implied }
        if warnedUnits.insert(unit.written).inserted {
            warn(
                location(),
                "unit \"\(unit.written)\" is not a known unit; its samples are treated as walltime, "
                    + "lower is better (give a \"mode\" to say otherwise)")
        }
        return .walltime
    }
}
