/// A key of Go benchstat's filter and projection syntax (golang.org/x/perf/benchproc/syntax,
/// "Keys"), naming one field of a benchmark series.
public enum FieldKey: Sendable, Hashable, CustomStringConvertible {
    /// `.name`: the benchmark's base name, without its parameters (Go: `Encode` of
    /// `BenchmarkEncode/format=json-48`).
    case name
    /// `.fullname`: the full name (Go: without the `Benchmark` prefix and the `<pkg>.` that names
    /// the package when a file holds several).
    case fullName
    /// `.file` (also `.label`): the label the series belongs to — Go's input file or `label=path`.
    case label
    /// `.unit`: the unit as the input wrote it (`ns/op`), Go's tidied form (`sec/op`), or its base
    /// unit (`s`). Filters only.
    case unit
    /// `/NAME`: the value of a parameter of the name (`/size` of `…/size=4k`; `/gomaxprocs` of the
    /// `-N` suffix).
    case parameter(String)
    /// Any other word: the value of a file configuration key (`goos`, `pkg`, `cpu`, …).
    case configuration(String)

    /// The key a word names, or nil for a word that is no key (empty, `/` alone, or an unknown
    /// `.`-key such as `.config`, which this tool does not project).
    public init?(_ word: String) {
        switch word {
        case ".name": self = .name
        case ".fullname": self = .fullName
        case ".file", ".label": self = .label
        case ".unit": self = .unit
        default:
            if word.hasPrefix("/") {
                guard word.count > 1 else { return nil }
                self = .parameter(String(word.dropFirst()))
            } else if word.hasPrefix(".") || word.isEmpty {
                return nil
            } else {
                self = .configuration(word)
            }
        }
    }

    /// The key as written in the syntax.
    public var description: String {
        switch self {
        case .name: ".name"
        case .fullName: ".fullname"
        case .label: ".file"
        case .unit: ".unit"
        case .parameter(let name): "/" + name
        case .configuration(let key): key
        }
    }
}
