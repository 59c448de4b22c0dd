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

    /// A unit's fields with its strings compared byte for byte (`ExactText`): each spelling of a
    /// unit keeps its own entry, so that a series shows its unit exactly as its file wrote it
    /// (`Fields` compares strings as Swift does, by canonical equivalence).
    struct Spelling: Hashable {
        let written: ExactText
        let baseUnit: ExactText
        let scale: Double
        let direction: UnitDirection
        let impliedMode: MeasurementMode?

        init(_ fields: Fields) {
            written = ExactText(fields.written)
            baseUnit = ExactText(fields.baseUnit)
            scale = fields.scale
            direction = fields.direction
            impliedMode = fields.impliedMode
        }
    }

    /// One spelling of a unit, immutable.
    @usableFromInline final class Entry: Sendable {
        @usableFromInline let fields: Fields
        /// The first entry made of the fields this one's equal (`Fields`' equality), or nil when that
        /// is this entry: the unit's identity, which `==` and hashing use. Never freed (the table
        /// keeps every entry), hence unowned.
        @usableFromInline unowned(unsafe) let representative: Entry?

        init(_ fields: Fields, representative: Entry?) {
            self.fields = fields
            self.representative = representative
        }

        /// The entry that stands for every spelling of this unit.
        @inlinable var identity: Entry { representative ?? self }
    }

    /// The entries by spelling, and the first entry of each unit (by `Fields`' equality).
    private struct Entries {
        var bySpelling: [Spelling: Entry] = [:]
        var byFields: [Fields: Entry] = [:]
    }

    private let entries = Mutex(Entries())

    /// The entry of `fields`, made on first use: one per spelling (byte for byte), all the spellings
    /// of equal fields sharing one `identity`.
    func entry(for fields: Fields) -> Entry {
        entries.withLock { entries in
            let spelling = Spelling(fields)
            if let known = entries.bySpelling[spelling] { return known }
            // A NaN scale is not equal to itself, so it would never be found again: kept apart,
            // under no key, and alive through the array below.
            if fields.scale.isNaN {
                let entry = Entry(fields, representative: nil)
                unmatched.withLock { $0.append(entry) }
                return entry
            }
            let entry = Entry(fields, representative: entries.byFields[fields]?.identity)
            entries.bySpelling[spelling] = entry
            if entry.representative == nil { entries.byFields[fields] = entry }
            return entry
        }
    }

    /// Entries no key can find (a NaN scale), kept alive for the process's life.
    private let unmatched = Mutex<[Entry]>([])
}
