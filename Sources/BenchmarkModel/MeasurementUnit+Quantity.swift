/// What kind of quantity a base unit measures: how reports scale it (ns/µs/ms/s, KiB/MiB/GiB,
/// k/M/G) and which values it admits.
public enum UnitQuantity: Sendable, Hashable {
    /// Time; base unit `s`.
    case time
    /// A size; base unit `B`.
    case bytes
    /// A byte rate; base unit `B/s`.
    case byteRate
    /// Instructions or cycles from a simulator or counter: strictly positive counts.
    case executionCount
    /// Any other count or rate (allocations, operations per second, custom metrics).
    case count
}

extension MeasurementUnit {
    /// The quantity of `baseUnit` (the base units are those `parse(_:)` produces).
    public var quantity: UnitQuantity { UnitQuantity(baseUnit: baseUnit) }
}

extension UnitQuantity {
    /// The quantity of a base unit produced by `MeasurementUnit.parse(_:)`.
    public init(baseUnit: String) {
        switch baseUnit {
        case "s": self = .time
        case "B": self = .bytes
        case "B/s": self = .byteRate
        case "instructions", "cycles": self = .executionCount
        default: self = .count
        }
    }
}
