import BenchmarkModel

/// The fields of one benchmark series that filters and projections read (`FieldKey`): its names,
/// parameters and unit, its label, and the configuration of the file a run came from.
///
/// `.name` and `.fullname` follow Go's benchfmt for Go benchmark text (the `Benchmark` prefix,
/// the `<pkg>.` qualifier and the `-N` suffix are handled as Go's benchstat does); for other formats
/// `.fullname` is the name as the tool wrote it and `.name` its part before the first `/` (Google
/// Benchmark, criterion) or `[` (pytest's parametrised ids) — a hyperfine command is its own `.name`.
public struct BenchmarkFields: Sendable {
    /// The series' identity.
    public let benchmark: BenchmarkIdentity
    /// The unit as written, and its base unit.
    public let unit: MeasurementUnit
    /// The label the series belongs to.
    public let label: String
    /// The configuration of the file (`FileMetadata.entries`), nil when unknown.
    public let file: FileMetadata?

    /// Creates the fields of a series.
    public init(benchmark: BenchmarkIdentity, unit: MeasurementUnit, label: String, file: FileMetadata?) {
        self.benchmark = benchmark
        self.unit = unit
        self.label = label
        self.file = file
    }

    private var isGo: Bool { file?.format == "go" }

    /// The value of `key`, or nil when the series has none (Go treats a missing value as empty).
    public func value(_ key: FieldKey) -> String? {
        switch key {
        case .fullName: fullName
        case .name: baseName
        case .label: label
        case .unit: unit.written
        case .parameter(let name): parameter(name)
        case .configuration(let key): configuration(key)
        }
    }

    /// Every value `key` may be matched against: `.unit` matches the unit as written or its base
    /// unit (as Go matches `ns/op` and `sec/op`); other keys their one value ("" when missing).
    public func candidates(_ key: FieldKey) -> [String] {
        guard case .unit = key else { return [value(key) ?? ""] }
        var units = [unit.written]
        // Go's tidied unit: "ns" → "sec", "MB" → "B" (`ns/op` is matched by `sec/op`).
        for (prefix, tidy) in [("ns", "sec"), ("MB", "B")] where unit.written.hasPrefix(prefix) {
            units.append(tidy + unit.written.dropFirst(prefix.count))
        }
        if !units.contains(unit.baseUnit) { units.append(unit.baseUnit) }
        return units
    }

    /// The Go package qualifier `<pkg>.` the loader put in front of the name, when there is one.
    private var packagePrefix: String? {
        guard isGo, let file else { return nil }
        var best: String?
        for entry in file.entries where entry.key == "pkg" {
            let prefix = entry.value + "."
            if benchmark.name.hasPrefix(prefix + "Benchmark"), prefix.count > (best?.count ?? 0) { best = prefix }
        }
        return best
    }

    /// `.fullname`.
    public var fullName: String {
        guard isGo else { return benchmark.name }
        var name = Substring(benchmark.name)
        if let prefix = packagePrefix { name = name.dropFirst(prefix.count) }
        if name.hasPrefix("Benchmark") { name = name.dropFirst("Benchmark".count) }
        return String(name)
    }

    /// `.name`.
    public var baseName: String {
        let full = fullName
        if isGo {
            // benchfmt's Name.Base: up to the first `/`, else without the `-N` suffix.
            if let slash = full.firstIndex(of: "/") { return String(full[..<slash]) }
            return GoName.withoutGomaxprocs(full)
        }
        switch file?.format {
        case "hyperfine": return full
        case "pytest-benchmark":
            if let bracket = full.firstIndex(of: "[") { return String(full[..<bracket]) }
            return full
        default:
            if let slash = full.firstIndex(of: "/"), slash != full.startIndex { return String(full[..<slash]) }
            return full
        }
    }

    /// `/name`: the identity's parameter, or for Go's `/gomaxprocs` the `-N` suffix.
    private func parameter(_ name: String) -> String? {
        let parameters = benchmark.parameters
        if let found = parameters.first(where: { $0.key == name }) { return found.value }
        return nil
    }

    /// A file configuration key: for Go the `pkg` of a qualified name, else the file's last entry.
    private func configuration(_ key: String) -> String? {
        if key == "pkg", let prefix = packagePrefix { return String(prefix.dropLast()) }
        return file?.value(for: key)
    }
}

/// Go benchmark name helpers (golang.org/x/perf/benchfmt `Name`).
enum GoName {
    /// The name without a trailing `-<digits>` (GOMAXPROCS).
    static func withoutGomaxprocs(_ name: String) -> String {
        var index = name.endIndex
        while index > name.startIndex {
            let previous = name.index(before: index)
            let character = name[previous]
            if character == "-", index < name.endIndex { return String(name[..<previous]) }
            guard character.isASCII, character.isNumber else { break }
            index = previous
        }
        return name
    }
}
