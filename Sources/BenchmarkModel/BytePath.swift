/// A file path as the bytes the operating system uses, which need not be UTF-8 (a Latin-1 `é` is
/// the single byte 0xE9).
///
/// Paths travel through discovery and loading as Swift strings in a lossless carrier form
/// (`string`): valid UTF-8 is itself, and each byte of an invalid sequence is one code point of the
/// supplementary private-use range U+10FD80–U+10FDFF (byte 0x80 + k → U+10FD80 + k), the way
/// Python's `surrogateescape` carries undecodable bytes (PEP 383), but with code points a Swift
/// string can hold. A real code point of that range is carried as its four bytes, each escaped, so
/// the mapping is one to one and `BytePath(path.string) == path` for every byte path. Every system
/// call (`open`, `stat`, `opendir`) goes through the bytes; messages and reports show
/// `displayName`, where each invalid byte is written `\xE9`.
public struct BytePath: Sendable, Hashable {
    /// The path's bytes, without a terminating NUL.
    public let bytes: [UInt8]

    /// The first code point of the escape range: byte b (≥ 0x80) is carried as `escapeBase + b`.
    static let escapeBase: UInt32 = 0x10FD00

    /// The path made of `bytes`.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The path a carrier string (`string`) holds; a plain string is its UTF-8 bytes.
    public init(_ string: String) {
        guard Self.mayHoldEscapes(string) else {
            bytes = Array(string.utf8)
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            if let byte = Self.escapedByte(scalar.value) {
                bytes.append(byte)
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        self.bytes = bytes
    }

    /// The lossless carrier form (see the type's documentation).
    public var string: String {
        var scalars = String.UnicodeScalarView()
        Self.decode(bytes) { piece in
            switch piece {
            case .scalar(let value, _):
                if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
            case .invalid(let byte):
                if let scalar = Unicode.Scalar(Self.escapeBase + UInt32(byte)) { scalars.append(scalar) }
            }
        }
        return String(scalars)
    }

    /// The path for people: valid UTF-8 as itself, every other byte as `\xHH` (upper-case hex), and a
    /// code point of the escape range as the escapes of its bytes.
    public var displayName: String {
        var text = ""
        Self.decode(bytes) { piece in
            switch piece {
            case .scalar(let value, _):
                if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
            case .invalid(let byte):
                text += Self.hexEscape(byte)
            }
        }
        return text
    }

    /// `displayName` of the path a carrier string holds; a plain string is returned as it is.
    public static func display(_ string: String) -> String {
        guard mayHoldEscapes(string) else { return string }
        return BytePath(string).displayName
    }

    /// Whether the path is valid UTF-8 without a code point of the escape range (its carrier,
    /// display and plain string forms are then one and the same).
    public var isPlain: Bool {
        var plain = true
        Self.decode(bytes) { piece in
            if case .invalid = piece { plain = false }
        }
        return plain
    }

    /// Calls `body` with the path as a NUL-terminated C string, for a system call.
    public func withCString<Result>(_ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
        try (bytes + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { chars in
                // A buffer made from a non-empty array always has a base address.
                guard let base = chars.baseAddress else { return try body("") }
                return try body(base)
            }
        }
    }

    // MARK: - Decoding

    private enum Piece {
        /// A well-formed scalar that is not in the escape range, and its length in bytes.
        case scalar(UInt32, Int)
        /// A byte that is not part of a well-formed scalar (or of one in the escape range).
        case invalid(UInt8)
    }

    /// A carrier string holds escapes only if it has a four-byte sequence led by 0xF4.
    private static func mayHoldEscapes(_ string: String) -> Bool {
        // Over the contiguous UTF-8 (a native string's own storage), not the view's iterator: every
        // `SourceLocation` asks, once per series of a million-benchmark file.
        // Eight bytes at a time (a byte loop was 2% of an analysis with 10 run files a side): a
        // word holds 0xF4 exactly when word ^ 0xF4…F4 has a zero byte.
        var string = string
        return string.withUTF8 { bytes in
            guard let base = UnsafeRawPointer(bytes.baseAddress) else { return false }
            let count = bytes.count
            var i = 0
            while i + 8 <= count {
                let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ 0xF4F4_F4F4_F4F4_F4F4
                if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { return true }
                i += 8
            }
            while i < count {
                if bytes[i] == 0xF4 { return true }
                i += 1
            }
            return false
        }
    }

    private static func escapedByte(_ value: UInt32) -> UInt8? {
        (escapeBase + 0x80...escapeBase + 0xFF).contains(value) ? UInt8(value - escapeBase) : nil
    }

    private static func hexEscape(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "\\x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }

    /// Splits `bytes` into well-formed UTF-8 scalars (RFC 3629: no overlong forms, no surrogates,
    /// nothing above U+10FFFF) and single invalid bytes; a scalar of the escape range is split into
    /// its bytes, each invalid.
    private static func decode(_ bytes: [UInt8], _ emit: (Piece) -> Void) {
        var index = 0
        while index < bytes.count {
            if let (value, length) = scalar(at: index, in: bytes) {
                if escapedByte(value) != nil {
                    for byte in bytes[index..<index + length] { emit(.invalid(byte)) }
                } else {
                    emit(.scalar(value, length))
                }
                index += length
            } else {
                emit(.invalid(bytes[index]))
                index += 1
            }
        }
    }

    /// The well-formed scalar starting at `index`, and its length, or nil.
    private static func scalar(at index: Int, in bytes: [UInt8]) -> (UInt32, Int)? {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let length: Int
        var value: UInt32
        let smallest: UInt32
        switch lead {
        case 0xC2...0xDF: (length, value, smallest) = (2, UInt32(lead & 0x1F), 0x80)
        case 0xE0...0xEF: (length, value, smallest) = (3, UInt32(lead & 0x0F), 0x800)
        case 0xF0...0xF4: (length, value, smallest) = (4, UInt32(lead & 0x07), 0x1_0000)
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let next = bytes[index + offset]
            guard next & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(next & 0x3F)
        }
        guard value >= smallest, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return nil }
        return (value, length)
    }
}
