extension MeasurementUnit {
    /// Recognises a unit as an input file wrote it and returns its normalised form.
    ///
    /// Known units and their base units:
    /// - time (`ns`, `us`, `µs`, `ms`, `s`, `sec`, `second(s)`, `min`, and Go's `ns/op`, `sec/op`,
    ///   `us/op`, `ms/op`): base unit `s`, lower is better, walltime;
    /// - instruction counts (`instructions`, `instr`, `instrs`, `Ir`, `instructions/op`): base unit
    ///   `instructions`, instrumentation;
    /// - cycles (`cycles`, `estimated cycles`, `Estimated Cycles`, `cycles/op`): base unit `cycles`,
    ///   instrumentation;
    /// - sizes (`B`, `byte(s)`, `B/op`, `KB`, `MB`, `GB` (powers of 1000), `KiB`, `MiB`, `GiB`
    ///   (powers of 1024)): base unit `B`, instrumentation;
    /// - allocations (`allocs`, `allocs/op`): base unit `allocs`, instrumentation;
    /// - rates (`ops/s`, `op/s`, `items/s`, `items_per_second`, `B/s`, `bytes_per_second`, `KB/s`,
    ///   `MB/s`, `GB/s`, `KiB/s`, `MiB/s`, `GiB/s`): base unit `ops/s`, `items/s` or `B/s`,
    ///   higher is better, walltime;
    /// - valgrind events other than `Ir` (`Dr`, `Dw`, `I1mr`, `D1mr`, `D1mw`, `ILmr`, `DLmr`, `DLmw`,
    ///   `Bc`, `Bcm`, `Bi`, `Bim`): kept as written, instrumentation.
    ///
    /// Any other unit is kept as written with scale 1, lower is better and no implied mode. Go's
    /// custom metrics written `x/op` (golang.org/x/perf/benchfmt) get the base unit `x`: the `/op`
    /// suffix is dropped from `baseUnit` and kept in `written`.
    ///
    /// - Complexity: O(length of `written`).
    public static func parse(_ written: String) -> MeasurementUnit {
        let trimmed = written.trimmingSpaces
        if let known = knownUnits[trimmed] {
            return MeasurementUnit(
                written: written, baseUnit: known.baseUnit, scale: known.scale, direction: known.direction,
                impliedMode: known.mode)
        }
        if trimmed.hasSuffix("/op"), trimmed.count > 3 {
            let base = String(trimmed.dropLast(3))
            if let known = knownUnits[base] {
                return MeasurementUnit(
                    written: written, baseUnit: known.baseUnit, scale: known.scale, direction: known.direction,
                    impliedMode: known.mode)
            }
            return MeasurementUnit(
                written: written, baseUnit: base, scale: 1, direction: .lowerIsBetter, impliedMode: nil)
        }
        return MeasurementUnit(
            written: written, baseUnit: trimmed, scale: 1, direction: .lowerIsBetter, impliedMode: nil)
    }
}

private struct KnownUnit {
    let baseUnit: String
    let scale: Double
    let direction: UnitDirection
    let mode: MeasurementMode?
}

private let knownUnits: [String: KnownUnit] = {
    var table: [String: KnownUnit] = [:]
    func add(_ names: [String], _ base: String, _ scale: Double, _ direction: UnitDirection, _ mode: MeasurementMode?) {
        for name in names { table[name] = KnownUnit(baseUnit: base, scale: scale, direction: direction, mode: mode) }
    }
    // Time.
    add(["ns", "nsec", "nanoseconds", "ns/op", "ns/iter"], "s", 1e-9, .lowerIsBetter, .walltime)
    add(["us", "µs", "μs", "usec", "microseconds", "us/op", "µs/op"], "s", 1e-6, .lowerIsBetter, .walltime)
    add(["ms", "msec", "milliseconds", "ms/op"], "s", 1e-3, .lowerIsBetter, .walltime)
    add(["s", "sec", "secs", "second", "seconds", "sec/op", "s/op"], "s", 1, .lowerIsBetter, .walltime)
    add(["min", "minutes"], "s", 60, .lowerIsBetter, .walltime)
    // Instruction counts and cycles.
    add(
        ["instructions", "instruction", "instr", "instrs", "Ir", "instructions/op"], "instructions", 1,
        .lowerIsBetter, .instrumentation)
    add(
        ["cycles", "cycle", "estimated cycles", "Estimated Cycles", "cycles/op"], "cycles", 1,
        .lowerIsBetter, .instrumentation)
    // Sizes.
    add(["B", "byte", "bytes", "B/op", "bytes/op"], "B", 1, .lowerIsBetter, .instrumentation)
    add(["KB", "kB"], "B", 1e3, .lowerIsBetter, .instrumentation)
    add(["MB"], "B", 1e6, .lowerIsBetter, .instrumentation)
    add(["GB"], "B", 1e9, .lowerIsBetter, .instrumentation)
    add(["KiB"], "B", 1024, .lowerIsBetter, .instrumentation)
    add(["MiB"], "B", 1_048_576, .lowerIsBetter, .instrumentation)
    add(["GiB"], "B", 1_073_741_824, .lowerIsBetter, .instrumentation)
    // Allocations.
    add(["allocs", "allocs/op", "allocations"], "allocs", 1, .lowerIsBetter, .instrumentation)
    // Rates: higher is better.
    add(["ops/s", "op/s", "ops/sec", "ops_per_second"], "ops/s", 1, .higherIsBetter, .walltime)
    add(["items/s", "items_per_second"], "items/s", 1, .higherIsBetter, .walltime)
    add(["B/s", "bytes/s", "bytes_per_second"], "B/s", 1, .higherIsBetter, .walltime)
    add(["KB/s", "kB/s"], "B/s", 1e3, .higherIsBetter, .walltime)
    add(["MB/s"], "B/s", 1e6, .higherIsBetter, .walltime)
    add(["GB/s"], "B/s", 1e9, .higherIsBetter, .walltime)
    add(["KiB/s"], "B/s", 1024, .higherIsBetter, .walltime)
    add(["MiB/s"], "B/s", 1_048_576, .higherIsBetter, .walltime)
    add(["GiB/s"], "B/s", 1_073_741_824, .higherIsBetter, .walltime)
    // valgrind (callgrind/cachegrind) events other than Ir: counts, kept under their own names.
    for event in ["Dr", "Dw", "I1mr", "D1mr", "D1mw", "ILmr", "DLmr", "DLmw", "Bc", "Bcm", "Bi", "Bim"] {
        add([event], event, 1, .lowerIsBetter, .instrumentation)
    }
    return table
}()

extension String {
    fileprivate var trimmingSpaces: String {
        guard let first = firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        guard let last = lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(self[first...last])
    }
}
