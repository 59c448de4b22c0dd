import Testing

@testable import BenchmarkIngest

@Suite("ChunkedArray")
struct ChunkedArrayTests {
    /// Values across several chunk boundaries (2,048 a chunk) read back in place, changed in place,
    /// and every chunk freed exactly when its last value is passed.
    @Test(arguments: [1, 2_047, 2_048, 2_049, 10_000])
    func readsBackWhatWasAppended(_ count: Int) {
        var list = ChunkedArray<[Int]>()
        for value in 0..<count { list.append([value, value * 3]) }
        #expect(list.count == count)
        #expect(list.indices == 0..<count)
        for position in list.indices where position % 7 == 0 { list[position].append(-position) }
        for position in list.indices {
            let expected = position % 7 == 0 ? [position, position * 3, -position] : [position, position * 3]
            #expect(list[position] == expected, "position \(position)")
            list.freeChunk(ifLastAt: position)
            // The next value, when in the same chunk, is still there.
            if position + 1 < count, (position + 1) % 2_048 != 0 { #expect(list[position + 1][0] == position + 1) }
        }
    }
}
