internal import Foundation

/// A table of values of a pure function, shared by the threads of an analysis behind a lock: the
/// same few arguments recur across thousands of benchmarks (a t quantile, an exact U table).
/// Failures are not remembered; when the table reaches `capacity` entries it starts again.
final class SharedMemo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let capacity: Int
    private let lock = NSLock()
    private var values: [Key: Value] = [:]

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The remembered value for `key`, or `compute()`'s, remembered when it returns.
    func value<Failure: Error>(for key: Key, _ compute: () throws(Failure) -> Value) throws(Failure) -> Value {
        if let known = lock.withLock({ values[key] }) { return known }
        let value = try compute()
        lock.withLock {
            if values.count >= capacity { values.removeAll(keepingCapacity: true) }
            values[key] = value
        }
        return value
    }
}
