import BenchmarkModel
import Dispatch
import Foundation

extension Analyzer {
    /// Pairs below this count are compared on the calling thread: too few to pay for the threads.
    static let parallelThreshold = 64

    /// `compare` for every pair, in pair order, on every core (`concurrentMap`).
    static func compareAll(
        _ pairs: [SeriesPair], baseLabel: String, headLabel: String, history: HistoryNoise?,
        options: AnalysisOptions
    ) throws(AnalysisError) -> [Comparison] {
        try concurrentMap(count: pairs.count) { index throws(AnalysisError) in
            try compare(pairs[index], baseLabel: baseLabel, headLabel: headLabel, history: history, options: options)
        }
    }

    /// `body(0) … body(count − 1)` in index order. The calls are independent, so above
    /// `parallelThreshold` they run on every core in contiguous chunks, each result written into
    /// its own slot of a preallocated array; the order, the values and the error thrown (the first
    /// in index order) are those of a sequential loop.
    static func concurrentMap<T>(
        count: Int, _ body: (Int) throws(AnalysisError) -> T
    ) throws(AnalysisError) -> [T] {
        var results: [Result<T, AnalysisError>?]
        if count < parallelThreshold {
            results = (0..<count).map { index in Result { () throws(AnalysisError) in try body(index) } }
        } else {
            results = [Result<T, AnalysisError>?](repeating: nil, count: count)
            // Several chunks per core, so that a chunk of slow items does not leave a core idle.
            let chunkCount = min(count, 16 * max(1, ProcessInfo.processInfo.activeProcessorCount))
            withoutActuallyEscaping(body) { body in
                results.withUnsafeMutableBufferPointer { buffer in
                    // Each index is written by exactly one chunk, and `body` shares no mutable state.
                    nonisolated(unsafe) let slots = buffer
                    nonisolated(unsafe) let compute = body
                    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                        let start = count * chunk / chunkCount
                        let end = count * (chunk + 1) / chunkCount
                        for index in start..<end {
                            slots[index] = Result { () throws(AnalysisError) in try compute(index) }
                        }
                    }
                }
            }
        }
        var values: [T] = []
        values.reserveCapacity(count)
        for result in results {
            switch result {
            case .success(let value): values.append(value)
            case .failure(let error): throw error
            case nil: throw AnalysisError(benchmark: nil, message: "internal: an item was not computed")
            }
        }
        return values
    }
}
