/// A `Double?` held in the 8 bytes of a `Double`: nil is one signalling-NaN bit pattern that no
/// arithmetic produces (a NaN from arithmetic is quiet; a value given with exactly this pattern is
/// kept as the default quiet NaN). A `Double?` takes 9 bytes, 16 in a struct of 8-byte fields; a
/// comparison holds seven of them, and a suite of a million comparisons 56 MB of padding.
struct PackedOptionalDouble: Sendable, Equatable {
    private var bits: UInt64

    /// The pattern of nil: exponent all ones, quiet bit clear, payload "nil".
    private static let nilBits: UInt64 = 0x7FF0_0000_006E_696C

    /// Holds `value`.
    @inline(__always)
    init(_ value: Double?) {
        if let value {
            bits = value.bitPattern == Self.nilBits ? Double.nan.bitPattern : value.bitPattern
        } else {
            bits = Self.nilBits
        }
    }

    /// The value held, or nil.
    @inline(__always)
    var value: Double? {
        get { bits == Self.nilBits ? nil : Double(bitPattern: bits) }
        set { self = PackedOptionalDouble(newValue) }
    }

    /// As `Double?` compares: +0 equals −0 and a NaN equals nothing (not the bits, so that a type
    /// holding packed values compares as it did holding optionals).
    static func == (lhs: Self, rhs: Self) -> Bool { lhs.value == rhs.value }
}

/// A `ClosedRange<Double>?` in 16 bytes (17, 24 in a struct, as an optional range): nil is a nil
/// lower bound (`PackedOptionalDouble`).
struct PackedOptionalRange: Sendable, Equatable {
    private var lower: PackedOptionalDouble
    private var upper: Double

    /// Holds `range`.
    @inline(__always)
    init(_ range: ClosedRange<Double>?) {
        lower = PackedOptionalDouble(range?.lowerBound)
        upper = range?.upperBound ?? 0
    }

    /// The range held, or nil.
    @inline(__always)
    var value: ClosedRange<Double>? {
        get { lower.value.map { ClosedRange(uncheckedBounds: ($0, upper)) } }
        set { self = PackedOptionalRange(newValue) }
    }

    /// As `ClosedRange<Double>?` compares (bounds as numbers, not bits).
    static func == (lhs: Self, rhs: Self) -> Bool { lhs.value == rhs.value }
}
