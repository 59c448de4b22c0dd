import Dispatch
import Foundation

/// Work started on another thread now and waited for later: `analyze --history` reads the history
/// (a store's centres, their change points) while the input files load, on the cores the loading
/// leaves idle. The work only reads; if the caller gives up before waiting, its result is dropped.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    /// Starts `work` on a global queue.
    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            let outcome = Result { try work() }
            self.result = outcome
            self.done.signal()
        }
    }

    /// The value, or the error `work` threw, once it has finished.
    func wait() throws -> Value {
        done.wait()
        // The semaphore orders the write above before this read.
        guard let result else { throw CommandFailure("internal error: background work ended without a result") }
        done.signal()
        return try result.get()
    }
}
