import Synchronization

/// What the process leaves for the operating system to reclaim when it exits, instead of freeing
/// it object by object first (clang's `-disable-free`, in the same spirit): the analysis of a
/// million comparisons is millions of allocations, and freeing them after the report is written
/// took a fifth of a second on one core that nobody waits for the result of.
///
/// Only the `benchstat` executable turns this on (`CommandLineEntry.prepareProcess()`); a caller
/// that runs commands in-process (the tests) frees everything as usual.
enum ExitTeardown {
    private static let skipping = Atomic<Bool>(false)

    /// From now on `keep(_:)` keeps what it is given until the process exits.
    static func skipFreeing() { skipping.store(true, ordering: .relaxed) }

    /// Keeps `value` alive until the process exits when `skipFreeing()` was called; otherwise
    /// does nothing (the caller's reference is then the last, and frees it as usual).
    static func keep<Value>(_ value: Value) {
        guard skipping.load(ordering: .relaxed) else { return }
        _ = Unmanaged.passRetained(Kept(value))
    }

    private final class Kept<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
