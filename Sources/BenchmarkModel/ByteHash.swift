/// The hash of benchmark names as bytes that the loaders' tables (`ByteNameTable` of
/// BenchmarkIngest) and `NameIndex` share.
public enum ByteHash {
    /// A 64-bit hash of the tag and the bytes, eight bytes at a time (a multiply–xorshift mix in
    /// the manner of MurmurHash3's finaliser; not cryptographic: keys come from one file, and a
    /// collision costs a `memcmp`, never a wrong answer).
    @inlinable
    public static func hash(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int, tag: Int) -> UInt64 {
        var state: UInt64 =
            0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: end - start) ^ (UInt64(bitPattern: Int64(tag)) &<< 32)
        guard let base = buffer.baseAddress else { return state }
        @inline(__always) func mix(_ word: UInt64) {
            state = (state ^ word) &* 0xFF51_AFD7_ED55_8CCD
            state ^= state &>> 32
        }
        var i = start
        while i + 8 <= end {
            mix(base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < end {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < end {
                tail |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) &<< shift
                shift += 8
                i += 1
            }
            mix(tail)
        }
        state ^= state &>> 29
        state = state &* 0xC4CE_B9FE_1A85_EC53
        return state ^ (state &>> 32)
    }
}
