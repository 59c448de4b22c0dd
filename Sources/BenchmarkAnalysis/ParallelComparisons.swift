import BenchmarkModel
import Dispatch
import Foundation

extension Analyzer {
    /// Pairs below this count are compared on the calling thread: too few to pay for the threads.
    static let parallelThreshold = 64

    /// `compare` for every pair, in pair order, on every core (`concurrentMap`).
    static func compareAll(
        _ pairs: [SeriesIndexPair], base: LabelData, head: LabelData, history: HistoryNoise?,
        options: AnalysisOptions
    ) throws(AnalysisError) -> [Comparison] {
        try concurrentMap(count: pairs.count) { index throws(AnalysisError) in
            try compare(
                pairs[index].series(base: base, head: head), baseLabel: base.label, headLabel: head.label,
                history: history, options: options)
        }
    }

    /// `body(0) … body(count − 1)` in index order. The calls are independent, so above
    /// `parallelThreshold` they run on every core in contiguous chunks, each writing its results
    /// straight into their slots of the returned array (no intermediate array of results: at 20,000
    /// comparisons of ~0.5 KB each, a copy is 10 MB); the order, the values and the error thrown
    /// (the first in index order) are those of a sequential loop.
    static func concurrentMap<T>(
        count: Int, _ body: (Int) throws(AnalysisError) -> T
    ) throws(AnalysisError) -> [T] {
        if count < parallelThreshold {
            var values: [T] = []
            values.reserveCapacity(count)
            for index in 0..<count { values.append(try body(index)) }
            return values
        }
        // Several chunks per core, so that a chunk of slow items does not leave a core idle.
        let chunkCount = min(count, 16 * max(1, ProcessInfo.processInfo.activeProcessorCount))
        // Per chunk: how many of its slots were filled, and the error that stopped it. A chunk
        // stops at its first error, so the first chunk with an error holds the first in index order.
        var filled = [Int](repeating: 0, count: chunkCount)
        var failures = [AnalysisError?](repeating: nil, count: chunkCount)
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            initializedCount = 0
            guard let base = buffer.baseAddress else { return }
            withoutActuallyEscaping(body) { body in
                filled.withUnsafeMutableBufferPointer { filledSlots in
                    failures.withUnsafeMutableBufferPointer { failureSlots in
                        // Each slot is written by exactly one chunk, and `body` shares no mutable state.
                        nonisolated(unsafe) let slots = base
                        nonisolated(unsafe) let filled = filledSlots
                        nonisolated(unsafe) let failures = failureSlots
                        nonisolated(unsafe) let compute = body
                        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                            let start = count * chunk / chunkCount
                            let end = count * (chunk + 1) / chunkCount
                            for index in start..<end {
                                do throws(AnalysisError) {
                                    (slots + index).initialize(to: try compute(index))
                                    filled[chunk] += 1
                                } catch {
                                    failures[chunk] = error
                                    return
                                }
                            }
                        }
                    }
                }
            }
            if failures.allSatisfy({ $0 == nil }) {
                initializedCount = count
                return
            }
            // Undo the filled slots of every chunk, and hand back an empty array.
            for chunk in 0..<chunkCount where filled[chunk] > 0 {
                (base + count * chunk / chunkCount).deinitialize(count: filled[chunk])
            }
        }
        if let error = failures.lazy.compactMap({ $0 }).first { throw error }
        return values
    }

    /// `body` on every element of `values`, in place: on every core in contiguous chunks above
    /// `parallelThreshold` (each element is touched by one chunk only), in order below it. A chunk
    /// stops at its first error; the error thrown is the first in index order. After an error the
    /// elements are partly updated: the caller discards them.
    static func concurrentUpdate<T>(
        _ values: inout [T], _ body: (inout T) throws(AnalysisError) -> Void
    ) throws(AnalysisError) {
        let count = values.count
        if count < parallelThreshold {
            for index in values.indices { try body(&values[index]) }
            return
        }
        let chunkCount = min(count, 16 * max(1, ProcessInfo.processInfo.activeProcessorCount))
        var failures = [AnalysisError?](repeating: nil, count: chunkCount)
        values.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            withoutActuallyEscaping(body) { body in
                failures.withUnsafeMutableBufferPointer { failureSlots in
                    nonisolated(unsafe) let elements = base
                    nonisolated(unsafe) let failures = failureSlots
                    nonisolated(unsafe) let update = body
                    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                        for index in (count * chunk / chunkCount)..<(count * (chunk + 1) / chunkCount) {
                            do throws(AnalysisError) {
                                try update(&elements[index])
                            } catch {
                                failures[chunk] = error
                                return
                            }
                        }
                    }
                }
            }
        }
        if let error = failures.lazy.compactMap({ $0 }).first { throw error }
    }
}
