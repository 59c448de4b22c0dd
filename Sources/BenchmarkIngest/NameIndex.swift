/// An index from a benchmark name to a position (a label's first series of that name), that holds
/// no copy of the names: the caller keeps them, and a probe whose hash matches asks the caller
/// whether the name at that position is the one looked up.
///
/// Open addressing with linear probing over a power-of-two array of (hash, position) slots kept at
/// most half full, hashed as `ByteNameTable` hashes bytes (the name's UTF-8). It replaces a
/// `[String: Int]`, whose SipHash of every new name and whose rehashing of every name at each
/// doubling were a sixth of the CPU time of loading a million names; growing here moves the stored
/// hashes and reads no name.
struct NameIndex {
    private struct Slot {
        var hash: UInt64
        /// The position + 1; 0 for an empty slot.
        var occupant: Int
    }

    private var slots = [Slot](repeating: Slot(hash: 0, occupant: 0), count: 64)
    private(set) var count = 0

    /// The hash of `name` that `find` and `insert` take.
    @inline(__always)
    static func hash(_ name: String) -> UInt64 {
        var name = name
        return name.withUTF8 { bytes in
            ByteNameTable<Int>.hash(UnsafeRawBufferPointer(bytes), 0, bytes.count, tag: 0)
        }
    }

    /// The position stored for the name whose hash is `hash` and for whose position `isName`
    /// answers true, or nil.
    @inline(__always)
    func find(hash: UInt64, isName: (Int) -> Bool) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let occupant = slots[slot].occupant
            if occupant == 0 { return nil }
            if slots[slot].hash == hash, isName(occupant - 1) { return occupant - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `position` for a name of hash `hash` that `find` did not find.
    mutating func insert(hash: UInt64, position: Int) {
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].occupant != 0 { slot = (slot + 1) & mask }
        slots[slot] = Slot(hash: hash, occupant: position + 1)
        count += 1
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        var grown = [Slot](repeating: Slot(hash: 0, occupant: 0), count: capacity)
        let mask = capacity - 1
        for old in slots where old.occupant != 0 {
            var slot = Int(truncatingIfNeeded: old.hash) & mask
            while grown[slot].occupant != 0 { slot = (slot + 1) & mask }
            grown[slot] = old
        }
        slots = grown
    }
}
