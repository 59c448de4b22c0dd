import CNumberText

/// `printf`-style formatting of one double through the C library's `snprintf`: the conversion
/// Foundation's `String(format:)` performs for `%f`, `%e` and `%g`, without its per-call cost (the
/// format parsed into an `NSString` and the argument boxed into a `CVarArg` array, ~10 µs — a
/// tenth of a 20,000-row report). The C functions are not variadic, so no `va_list` is built here.
public enum PrintfNumber {
    /// `value` formatted by `format`, a printf conversion that takes exactly one double (`%.1e`,
    /// `%.3g`, `%.2f%%`). Any other argument list is undefined behaviour, as in C: callers pass
    /// literals.
    public static func format(_ value: Double, _ format: StaticString) -> String {
        // A string literal's bytes live as long as the program, NUL-terminated.
        let text = UnsafeRawPointer(format.utf8Start).assumingMemoryBound(to: CChar.self)
        return render { buffer, size in benchstat_format_double(buffer, size, text, value) }
    }

    /// `value` with `decimals` (≥ 0) digits after the point: `%.Nf`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        let decimals = Int32(clamping: max(0, decimals))
        return render { buffer, size in benchstat_format_fixed(buffer, size, decimals, value) }
    }

    /// Runs `write` (an snprintf) into a stack buffer, or into a heap buffer of the length it asks
    /// for when the text is longer (`%f` of 1e308 has 309 digits).
    private static func render(_ write: (UnsafeMutablePointer<CChar>, Int) -> Int32) -> String {
        let short = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer -> (String?, Int32) in
            guard let base = buffer.baseAddress else { return (nil, -1) }
            let written = write(base, buffer.count)
            guard written >= 0, Int(written) < buffer.count else { return (nil, written) }
            return (String(decoding: UnsafeRawBufferPointer(start: base, count: Int(written)), as: UTF8.self), written)
        }
        if let text = short.0 { return text }
        guard short.1 >= 0 else { return "" }
        var bytes = [CChar](repeating: 0, count: Int(short.1) + 1)
        let written = bytes.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return write(base, buffer.count)
        }
        guard written >= 0 else { return "" }
        return String(decoding: bytes[..<Int(written)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
