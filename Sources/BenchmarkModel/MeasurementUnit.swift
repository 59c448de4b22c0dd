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
///
/// A unit is held once per process (`MeasurementUnitTable`) and a value refers to it: 8 bytes
/// instead of 48 in every series, builder and comparison (a suite of a million benchmarks holds
/// three million), copied without reference counting. Each spelling is an entry of its own (a
/// unit shows as its file wrote it); equal units share one identity, so `==` compares references.
public struct MeasurementUnit: Sendable, Hashable {
    /// The unit's fields, interned: never freed (the table keeps every entry), hence unowned.
    @usableFromInline unowned(unsafe) let entry: MeasurementUnitTable.Entry

    /// The unit exactly as the input file wrote it (for example `ns/op`, `µs`, `Ir`).
    @inlinable public var written: String { entry.fields.written }
    /// The normalised unit every value is converted to (for example `s`, `B`, `instructions`).
    @inlinable public var baseUnit: String { entry.fields.baseUnit }
    /// The factor from `written` to `baseUnit` (1e-9 for `ns`).
    @inlinable public var scale: Double { entry.fields.scale }
    /// Whether larger values are worse or better.
    @inlinable public var direction: UnitDirection { entry.fields.direction }
    /// The mode this unit implies when a file does not say, or nil when the unit does not tell.
    @inlinable public var impliedMode: MeasurementMode? { entry.fields.impliedMode }

    /// Creates a unit. Prefer `MeasurementUnit.parse(_:)`, which knows the common units.
    public init(
        written: String, baseUnit: String, scale: Double, direction: UnitDirection, impliedMode: MeasurementMode?
    ) {
        entry = MeasurementUnitTable.shared.entry(
            for: MeasurementUnitTable.Fields(
                written: written, baseUnit: baseUnit, scale: scale, direction: direction, impliedMode: impliedMode))
    }

    /// Whether the two units have equal fields, strings compared as Swift compares them (every
    /// spelling of equal fields has one identity; a unit whose scale is NaN is equal to no other,
    /// as NaN is to no number).
    @inlinable public static func == (lhs: Self, rhs: Self) -> Bool { lhs.entry.identity === rhs.entry.identity }

    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(entry.identity)) }
}
