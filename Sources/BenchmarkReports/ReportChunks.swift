/// A report handed over in pieces as it is rendered: `emit` receives each piece of UTF-8 bytes and
/// returns false to stop (its writer failed; what is left is not rendered). The HTML page of a large
/// suite (64 MB at 20,000 benchmarks) is written this way instead of being held whole, twice.
public struct ReportChunks {
    private var pending: [UInt8] = []
    /// The size of the pieces handed to the writer (the last one may be shorter).
    let chunkSize: Int
    private let emit: ([UInt8]) -> Bool
    /// Whether `emit` refused a piece.
    public private(set) var stopped = false

    /// Pieces of about `chunkSize` bytes go to `emit`.
    public init(chunkSize: Int = 1 << 20, emit: @escaping ([UInt8]) -> Bool) {
        self.chunkSize = chunkSize
        self.emit = emit
    }

    /// Appends `text`, handing a piece over once `chunkSize` bytes are pending.
    mutating func append(_ text: String) { appendPending(text.utf8) }

    /// Appends the bytes of `buffer`, handing a piece over once `chunkSize` bytes are pending.
    mutating func append(_ buffer: ReportBuffer) { appendPending(buffer.bytes) }

    private mutating func appendPending<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        guard !stopped else { return }
        // Reserved on first use: a report handed over whole (`append(contentsOf:)`) never needs it.
        if pending.capacity == 0 { pending.reserveCapacity(chunkSize + 4096) }
        pending.append(contentsOf: bytes)
        if pending.count >= chunkSize { flush() }
    }

    /// Hands over what is pending.
    public mutating func flush() {
        guard !stopped, !pending.isEmpty else { return }
        if !emit(pending) { stopped = true }
        pending.removeAll(keepingCapacity: true)
    }

    /// Hands over what is pending, then `bytes` (a report rendered whole) as one piece.
    public mutating func append(contentsOf bytes: [UInt8]) {
        flush()
        guard !stopped, !bytes.isEmpty else { return }
        if !emit(bytes) { stopped = true }
    }

    static func += (chunks: inout ReportChunks, text: String) { chunks.append(text) }
}
