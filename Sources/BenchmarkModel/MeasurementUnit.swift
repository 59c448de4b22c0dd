/// Whether a larger value of a unit is worse (time, instructions, bytes) or better (throughput).
public enum UnitDirection: String, Sendable, Hashable {
    /// More of the unit is worse: a rise is a regression (ns, instructions, B/op).
    case lowerIsBetter
    /// More of the unit is better: a fall is a regression (ops/s, B/s).
    case higherIsBetter
}

/// What a measurement's number counts, in a normalised base unit, with the unit as written kept
/// for display.
///
/// Values are stored multiplied by `scale`, so that every sample of a series is in `baseUnit`
/// (seconds for time, bytes for sizes, instructions, cycles, …) whatever unit each file used.
/// Two units are *compatible* when their `baseUnit`s are equal.
public struct MeasurementUnit: Sendable, Hashable {
    /// The unit exactly as the input file wrote it (for example `ns/op`, `µs`, `Ir`).
    public let written: String
    /// The normalised unit every value is converted to (for example `s`, `B`, `instructions`).
    public let baseUnit: String
    /// The factor from `written` to `baseUnit` (1e-9 for `ns`).
    public let scale: Double
    /// Whether larger values are worse or better.
    public let direction: UnitDirection
    /// The mode this unit implies when a file does not say, or nil when the unit does not tell.
    public let impliedMode: MeasurementMode?

    /// Creates a unit. Prefer `MeasurementUnit.parse(_:)`, which knows the common units.
    public init(
        written: String, baseUnit: String, scale: Double, direction: UnitDirection, impliedMode: MeasurementMode?
    ) {
        self.written = written
        self.baseUnit = baseUnit
        self.scale = scale
        self.direction = direction
        self.impliedMode = impliedMode
    }
}
