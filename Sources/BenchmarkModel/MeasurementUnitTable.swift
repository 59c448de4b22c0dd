import Synchronization

/// Every `MeasurementUnit` made in this process, once: a unit value refers to its entry here.
///
/// A run meets a handful of units (a file that writes a new unit on every line meets as many as
/// it has lines); the table keeps them all for the life of the process, so that a reference to an
/// entry needs no counting. Looking an entry up takes a lock: units are made when a loader meets
/// a unit's spelling, not per sample.
@usableFromInline final class MeasurementUnitTable: Sendable {
    /// The table of the process.
    static let shared = MeasurementUnitTable()

    /// A unit's fields (what `MeasurementUnit`'s initialiser takes). Equal fields are one entry;
    /// a NaN scale is equal to nothing, so each such unit is an entry of its own.
    @usableFromInline struct Fields: Sendable, Hashable {
        @usableFromInline let written: String
        @usableFromInline let baseUnit: String
        @usableFromInline let scale: Double
        @usableFromInline let direction: UnitDirection
        @usableFromInline let impliedMode: MeasurementMode?
    }

    /// One unit, immutable.
    @usableFromInline final class Entry: Sendable {
        @usableFromInline let fields: Fields

        init(_ fields: Fields) { self.fields = fields }
    }

    private let entries = Mutex<[Fields: Entry]>([:])

    /// The entry of `fields`, made on first use.
    func entry(for fields: Fields) -> Entry {
        entries.withLock { entries in
            if let known = entries[fields] { return known }
            let entry = Entry(fields)
            // A NaN scale is not equal to itself, so it would never be found again: kept apart,
            // under no key, and alive through the array below.
            if fields.scale.isNaN {
                unmatched.withLock { $0.append(entry) }
            } else {
                entries[fields] = entry
            }
            return entry
        }
    }

    /// Entries no key can find (a NaN scale), kept alive for the process's life.
    private let unmatched = Mutex<[Entry]>([])
}
