import Foundation

/// How samples are kept compactly: a run's samples of one series as one byte string of
/// little-endian IEEE-754 doubles (8 bytes a sample), its sub-runs' sizes as little-endian UInt32s
/// and their names joined by U+001F (the unit separator).
enum SampleCodec {
    static func encode(_ values: [Double]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 8)
        for value in values {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }

    static func decode(_ bytes: [UInt8]) -> [Double] {
        bytes.withUnsafeBytes(decode)
    }

    /// `decode(_:)` of bytes read in place.
    static func decode(_ raw: UnsafeRawBufferPointer) -> [Double] {
        let count = raw.count / 8
        return [Double](unsafeUninitializedCapacity: count) { values, initialized in
            for index in 0..<count {
                let bits = raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
                values[index] = Double(bitPattern: UInt64(littleEndian: bits))
            }
            initialized = count
        }
    }

    /// Ids as the differences of consecutive ids (the first from 0), each zigzag-mapped and written
    /// as an unsigned LEB128 varint: a run's series ids are mostly consecutive, one byte each.
    static func encodeIDs(_ ids: [Int64]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(ids.count)
        var previous: Int64 = 0
        for id in ids {
            let delta = id &- previous
            previous = id
            var zigzag = UInt64(bitPattern: (delta << 1) ^ (delta >> 63))
            while zigzag >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: zigzag) | 0x80)
                zigzag >>= 7
            }
            bytes.append(UInt8(zigzag))
        }
        return bytes
    }

    /// The ids `encodeIDs` wrote, or nil for bytes it cannot have written (a varint cut short or
    /// longer than 64 bits).
    static func decodeIDs(_ bytes: [UInt8]) -> [Int64]? {
        var ids: [Int64] = []
        ids.reserveCapacity(bytes.count)
        var previous: Int64 = 0
        var value: UInt64 = 0
        var shift: UInt64 = 0
        for byte in bytes {
            guard shift < 64 else { return nil }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 != 0 {
                shift += 7
                continue
            }
            let delta = Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
            previous = previous &+ delta
            ids.append(previous)
            value = 0
            shift = 0
        }
        return shift == 0 ? ids : nil
    }

    static func encodeSizes(_ sizes: [Int]) -> [UInt8] {
        var bytes: [UInt8] = []
        for size in sizes {
            withUnsafeBytes(of: UInt32(clamping: size).littleEndian) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }

    static func decodeSizes(_ bytes: [UInt8]) -> [Int] {
        bytes.withUnsafeBytes { raw in
            (0..<(bytes.count / 4)).map {
                Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)))
            }
        }
    }

    static let separator: Character = "\u{1F}"

    static func joinNames(_ names: [String]) -> String { names.joined(separator: String(separator)) }

    static func splitNames(_ text: String) -> [String] {
        text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }
}

/// A run's summary of one series: sample count, centre and spread (see `SeriesPoint`).
struct RunSummary {
    let count: Int
    let centre: Double
    let logMean: Double?
    let logSpread: Double?

    init(_ values: [Double]) {
        count = values.count
        // As the analysis' HistoryNoise reads a past run: the mean log of the samples > 0.
        let positive = values.filter { $0 > 0 && $0.isFinite }
        logMean = positive.isEmpty ? nil : positive.map { Foundation.log($0) }.reduce(0, +) / Double(positive.count)
        guard !values.isEmpty else {
            centre = .nan
            logSpread = nil
            return
        }
        if let first = values.first, values.allSatisfy({ $0 == first }) {
            // Exact counts (one sample, or identical samples): the centre is the value itself, not
            // exp(log(value)), which can differ in the last bits.
            centre = first
            logSpread = values.count >= 2 ? 0 : nil
        } else if values.allSatisfy({ $0 > 0 }) {
            let logs = values.map { Foundation.log($0) }
            let mean = logs.reduce(0, +) / Double(logs.count)
            centre = exp(mean)
            if logs.count >= 2 {
                let variance = logs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(logs.count - 1)
                logSpread = variance.squareRoot()
            } else {
                logSpread = nil
            }
        } else {
            centre = values.reduce(0, +) / Double(values.count)
            logSpread = nil
        }
    }
}

/// `SampleCodec.decodeIDs` over a sequence of runs: successive runs of one suite hold the same
/// series, so a blob equal to the one before is not decoded again, and its runs share one array
/// (200 runs of 20,000 series held 32 MB of equal ids).
struct SeriesIDsDecoder {
    private var lastBytes: [UInt8] = []
    private var lastIDs: [Int64]?

    /// The ids of `raw`, or nil for bytes `encodeIDs` cannot have written.
    mutating func decode(_ raw: UnsafeRawBufferPointer) -> [Int64]? {
        if let lastIDs, raw.count == lastBytes.count,
            lastBytes.withUnsafeBytes({ last in
                guard let lastBase = last.baseAddress, let rawBase = raw.baseAddress else { return raw.isEmpty }
                return memcmp(lastBase, rawBase, raw.count) == 0
            })
        {
            return lastIDs
        }
        let bytes = Array(raw)
        let ids = SampleCodec.decodeIDs(bytes)
        lastBytes = bytes
        lastIDs = ids
        return ids
    }
}
