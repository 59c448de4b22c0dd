/// Everything loaded for one label (for example `base` or `head`): its series and the metadata of
/// the files behind it.
public struct LabelData: Sendable {
    /// The label's name: a sub-directory name or a file stem.
    public let label: String
    /// The series, one per (benchmark, base unit), in first-seen order.
    public var series: [BenchmarkSeries]
    /// Metadata per file, in file order (Go's `key: value` lines, hyperfine's command, Google
    /// Benchmark's context…), kept so that an environment difference between labels can be reported.
    public var files: [FileMetadata]

    /// Creates a label's data.
    public init(label: String, series: [BenchmarkSeries], files: [FileMetadata]) {
        self.label = label
        self.series = series
        self.files = files
    }
}

/// What one input file said about where and how it was measured.
public struct FileMetadata: Sendable, Hashable {
    /// The file (or criterion directory) path.
    public let path: String
    /// The name of the format it was read as (`InputFormat.rawValue` of BenchmarkIngest, for
    /// example `go` or `hyperfine`): the model records it, the loaders own the formats.
    public let format: String
    /// Key/value configuration in file order (for example `goos: linux`, `cpu: …`, `host_name: …`).
    public let entries: [KeyValue]

    /// Creates file metadata.
    public init(path: String, format: String, entries: [KeyValue]) {
        self.path = BytePath.display(path)
        self.format = format
        self.entries = entries
    }

    /// The value of the last entry named `key`, or nil.
    public func value(for key: String) -> String? { entries.last { $0.key == key }?.value }
}
