/// A growing list of values kept in fixed-size chunks that never move: appending never copies
/// what is already there, and the memory of a chunk is touched once. (An array of a million series
/// builders doubled its way to 216 MB, copying every builder at each doubling into pages touched for
/// the first time: a sixth of the CPU of loading a million one-sample benchmarks.) Chunks that have
/// been read for the last time can be freed while the rest are still in use.
struct ChunkedArray<Element> {
    /// log₂ of the values per chunk.
    private static var shift: Int { 11 }
    private static var chunkSize: Int { 1 << shift }
    private static var mask: Int { chunkSize - 1 }

    private var chunks: [[Element]] = []
    /// The number of values appended.
    private(set) var count = 0

    /// An empty list.
    init() {}

    /// The positions of the values.
    var indices: Range<Int> { 0..<count }

    /// Appends `value` at position `count` (moved in, not copied).
    @inline(__always)
    mutating func append(_ value: consuming Element) {
        if count & Self.mask == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunks.append(chunk)
        }
        chunks[count >> Self.shift].append(consume value)
        count += 1
    }

    /// The value at `position` (which must be in `indices`, and in a chunk not yet freed).
    @inline(__always)
    subscript(position: Int) -> Element {
        get { chunks[position >> Self.shift][position & Self.mask] }
        _modify { yield &chunks[position >> Self.shift][position & Self.mask] }
    }

    /// Frees the chunk holding `position` when `position` is its last value (or the list's last):
    /// for reading the values once in order while releasing them.
    mutating func freeChunk(ifLastAt position: Int) {
        guard position & Self.mask == Self.mask || position == count - 1 else { return }
        chunks[position >> Self.shift] = []
    }
}
