/// How a benchmark was measured, which decides how its noise behaves (DESIGN.md, "The two kinds
/// of measurement").
public enum MeasurementMode: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Counts from a CPU simulator or counter (instructions, Ir, estimated cycles), and other
    /// counts that a run does not perturb (bytes, allocations). Nearly deterministic within a build.
    case instrumentation
    /// Elapsed time per iteration, or a rate derived from it. Noisy, right-skewed, sometimes bimodal.
    case walltime

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
