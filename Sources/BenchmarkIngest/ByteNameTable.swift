import BenchmarkModel
import Foundation

/// A hash table from byte strings (benchmark names as they stand in a file) to values, looked up
/// without building a `String`: the line loaders intern each distinct name once per file and find
/// it again by hashing its bytes, so a file that interleaves its benchmarks (the whole suite once
/// per `-count`, as Go's benchstat documentation recommends) costs a hash and a `memcmp` per line
/// instead of a `String`, its UTF-8 validation and a `Dictionary` lookup.
///
/// Open addressing with linear probing over a power-of-two slot array kept at most half full; the
/// key bytes live in one arena. A slot holds the entry's position and the top bits of its hash, so
/// that a probe passes over an occupied slot of another key without reading that key's entry: at
/// a million names the slots and the entries are each far larger than the cache, and reading the
/// entry of every occupied slot on the way made a lookup of a new name two to three cache misses
/// instead of one. A key carries a small integer `tag` besides its bytes (the Go
/// loader's package ordinal), so equal bytes under two tags are two keys.
struct ByteNameTable<Value> {
    private struct Entry {
        var hash: UInt64
        var start: Int
        var length: Int
        var tag: Int
    }

    /// Per slot, 0 when empty, else the entry's position + 1 in the low `positionBits` bits and
    /// the top bits of its hash above them.
    private var slots: [UInt64] = Array(repeating: 0, count: 64)
    /// Room for 2⁴⁰ − 1 entries (far beyond what memory holds: each is 32 bytes and a key); the
    /// remaining 24 bits of a slot tell keys apart before their entries are read.
    private static var positionBits: UInt64 { 40 }
    private static var positionMask: UInt64 { (1 &<< positionBits) - 1 }

    /// The slot word of the entry at `position` with hash `hash`.
    @inline(__always)
    private static func slotWord(hash: UInt64, position: Int) -> UInt64 {
        (hash & ~positionMask) | UInt64(truncatingIfNeeded: position + 1)
    }
    private var entries: [Entry] = []
    private var arena: [UInt8] = []
    /// The values, by entry position.
    private var values: [Value] = []

    /// How many keys the table holds.
    var count: Int { entries.count }

    /// The position of the key (`tag`, bytes `[start, end)` of `buffer`), or nil.
    @inline(__always)
    func find(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int, tag: Int = 0) -> Int? {
        let hash = ByteHash.hash(buffer, start, end, tag: tag)
        return probe(buffer, start, end, tag: tag, hash: hash).found
    }

    /// The position of the key, trying position `guess` first: when the keys come back in the order
    /// they were inserted (an interleaved file repeats the suite's order on every pass), the guess
    /// is the position after the last one found, and its entry, bytes and value lie next to the
    /// last one's in memory — no hash, and none of the slot array's cache misses (at 20,000 names
    /// the probe's four dependent misses were a tenth of loading time). Any other guess falls back
    /// to `find`.
    @inline(__always)
    func find(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int, tag: Int = 0, guess: Int) -> Int? {
        if guess >= 0, guess < entries.count, holds(entries[guess], buffer, start, end, tag: tag) { return guess }
        return find(buffer, start, end, tag: tag)
    }

    /// The tag and the length in bytes of the key at `position` (from `find` or `insert`).
    @inline(__always)
    func tagAndLength(at position: Int) -> (tag: Int, length: Int) {
        let entry = entries[position]
        return (entry.tag, entry.length)
    }

    /// Whether bytes `[start, start + n)` of `buffer`, n the length of the key at `position`, are
    /// that key's bytes (the caller has checked that they lie inside `buffer`).
    @inline(__always)
    func keyBytes(at position: Int, equal buffer: UnsafeRawBufferPointer, from start: Int) -> Bool {
        let entry = entries[position]
        return holds(entry, buffer, start, start + entry.length, tag: entry.tag)
    }

    /// Adds the key (which `find` did not find) with `value`; returns its position.
    @discardableResult
    mutating func insert(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int, tag: Int = 0, value: Value) -> Int
    {
        if (entries.count + 1) * 2 > slots.count { grow() }
        let hash = ByteHash.hash(buffer, start, end, tag: tag)
        let slot = probe(buffer, start, end, tag: tag, hash: hash).slot
        let position = entries.count
        entries.append(Entry(hash: hash, start: arena.count, length: end - start, tag: tag))
        // As typed bytes: a raw buffer appended as a sequence goes byte by byte.
        if let base = buffer.baseAddress, end > start {
            arena.append(
                contentsOf: UnsafeBufferPointer(
                    start: (base + start).assumingMemoryBound(to: UInt8.self), count: end - start))
        }
        values.append(value)
        slots[slot] = Self.slotWord(hash: hash, position: position)
        return position
    }

    /// The value at `position` (from `find` or `insert`).
    @inline(__always)
    subscript(position: Int) -> Value {
        get { values[position] }
        set { values[position] = newValue }
    }

    /// Either the position of the key, or the empty slot where it would go.
    @inline(__always)
    private func probe(
        _ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int, tag: Int, hash: UInt64
    ) -> (found: Int?, slot: Int) {
        let mask = slots.count - 1
        let fragment = hash & ~Self.positionMask
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let word = slots[slot]
            if word == 0 { return (nil, slot) }
            if word & ~Self.positionMask == fragment {
                let position = Int(truncatingIfNeeded: word & Self.positionMask) - 1
                let entry = entries[position]
                if entry.hash == hash, holds(entry, buffer, start, end, tag: tag) { return (position, slot) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Whether `entry` is the key (`tag`, bytes `[start, end)` of `buffer`).
    @inline(__always)
    private func holds(_ entry: Entry, _ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int, tag: Int) -> Bool {
        let length = end - start
        guard entry.length == length, entry.tag == tag else { return false }
        guard length > 0 else { return true }
        return arena.withUnsafeBytes { own in
            guard let ownBase = own.baseAddress, let base = buffer.baseAddress else { return false }
            return memcmp(ownBase + entry.start, base + start, length) == 0
        }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        var grown = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        for (position, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = Self.slotWord(hash: entry.hash, position: position)
        }
        slots = grown
    }
}
