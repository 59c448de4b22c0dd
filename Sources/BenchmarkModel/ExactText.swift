import Foundation

/// A string compared and hashed by its UTF-8 bytes — not by canonical equivalence, as `String` is
/// (`café` with a precomposed é equals `cafe` + U+0301 as a `String`). The key of a table whose
/// value keeps a spelling (a unit shown as its file wrote it, whichever spelling came first) or
/// tells byte-different names apart (two files whose paths differ only in normalisation).
public struct ExactText: Sendable, Hashable {
    /// The text.
    public let text: String

    /// Wraps `text`.
    public init(_ text: String) { self.text = text }

    /// Whether the two texts have the same UTF-8 bytes.
    public static func == (lhs: Self, rhs: Self) -> Bool { same(lhs.text, rhs.text) }

    /// Whether `a` and `b` have the same UTF-8 bytes (a `memcmp` of native strings).
    public static func same(_ a: String, _ b: String) -> Bool {
        let count = a.utf8.count
        guard b.utf8.count == count else { return false }
        let compared: Bool? =
            a.utf8.withContiguousStorageIfAvailable { left in
                b.utf8.withContiguousStorageIfAvailable { right in
                    guard let left = left.baseAddress, let right = right.baseAddress else { return count == 0 }
                    return memcmp(left, right, count) == 0
                }
            } ?? nil
        return compared ?? a.utf8.elementsEqual(b.utf8)
    }

    /// Hashes the UTF-8 bytes.
    public func hash(into hasher: inout Hasher) {
        let contiguous: Bool =
            text.utf8.withContiguousStorageIfAvailable { bytes in
                hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
                return true
            } ?? false
        if !contiguous {
            for byte in text.utf8 { hasher.combine(byte) }
        }
        hasher.combine(text.utf8.count)
    }
}
