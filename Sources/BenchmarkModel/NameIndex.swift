/// An index from a benchmark name to a position (a label's first series of that name, as the
/// loaders use it; the first comparison of that name, as the analysis marks primary metrics), that
/// holds no copy of the names: the caller keeps them, and a probe whose hash matches asks the caller
/// whether the name at that position is the one looked up.
///
/// Open addressing with linear probing over a power-of-two array of (hash, position) slots kept at
/// most half full, hashed as `ByteHash` hashes bytes (the name's UTF-8). A slot is 8 bytes: the
/// hash's upper 32 bits, which also choose the slot, and the position + 1 as 32 bits — room for
/// 2³¹ names, far beyond what memory holds (each is a series or a comparison of ~100 bytes and
/// more). It replaces a `[String: Int]`, whose SipHash of every new name and whose rehashing of
/// every name at each doubling were a sixth of the CPU time of loading a million names; growing
/// here moves the stored hashes and reads no name.
public struct NameIndex {
    @usableFromInline
    struct Slot {
        /// The upper 32 bits of the name's hash.
        @usableFromInline var hash: UInt32
        /// The position + 1; 0 for an empty slot.
        @usableFromInline var occupant: UInt32

        @inlinable
        init(hash: UInt32, occupant: UInt32) {
            self.hash = hash
            self.occupant = occupant
        }
    }

    @usableFromInline var slots = [Slot](repeating: Slot(hash: 0, occupant: 0), count: 64)
    @usableFromInline var storedCount = 0

    /// An empty index.
    public init() {}

    /// An empty index with room for `count` names without growing.
    public init(minimumCapacity count: Int) {
        var capacity = 64
        while capacity < 2 * count { capacity *= 2 }
        slots = [Slot](repeating: Slot(hash: 0, occupant: 0), count: capacity)
    }

    /// How many names the index holds.
    public var count: Int { storedCount }

    /// The hash of `name` that `find` and `insert` take.
    @inlinable
    public static func hash(_ name: String) -> UInt64 {
        var name = name
        return name.withUTF8 { bytes in
            ByteHash.hash(UnsafeRawBufferPointer(bytes), 0, bytes.count, tag: 0)
        }
    }

    /// The position stored for the name whose hash is `hash` and for whose position `isName`
    /// answers true, or nil.
    @inlinable
    public func find(hash: UInt64, isName: (Int) -> Bool) -> Int? {
        let mask = slots.count - 1
        let upper = UInt32(truncatingIfNeeded: hash &>> 32)
        var slot = Int(upper) & mask
        while true {
            let occupant = Int(slots[slot].occupant)
            if occupant == 0 { return nil }
            if slots[slot].hash == upper, isName(occupant - 1) { return occupant - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `position` for a name of hash `hash` that `find` did not find.
    @inlinable
    public mutating func insert(hash: UInt64, position: Int) {
        if (storedCount + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        let upper = UInt32(truncatingIfNeeded: hash &>> 32)
        var slot = Int(upper) & mask
        while slots[slot].occupant != 0 { slot = (slot + 1) & mask }
        slots[slot] = Slot(hash: upper, occupant: UInt32(truncatingIfNeeded: position + 1))
        storedCount += 1
    }

    @usableFromInline
    mutating func grow() {
        let capacity = slots.count * 2
        var grown = [Slot](repeating: Slot(hash: 0, occupant: 0), count: capacity)
        let mask = capacity - 1
        for old in slots where old.occupant != 0 {
            var slot = Int(old.hash) & mask
            while grown[slot].occupant != 0 { slot = (slot + 1) & mask }
            grown[slot] = old
        }
        slots = grown
    }
}
