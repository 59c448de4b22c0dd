import BenchmarkModel
import Dispatch
import Foundation

extension Analyzer {
    /// Pairs below this count are compared on the calling thread: too few to pay for the threads.
    static let parallelThreshold = 64

    /// `compare` for every pair, in pair order. The comparisons are independent, so they run on
    /// every core in contiguous chunks, each result written into its own slot of a preallocated
    /// array; the order, the values and the error thrown (the first in pair order) are those of a
    /// sequential loop.
    static func compareAll(
        _ pairs: [SeriesPair], baseLabel: String, headLabel: String, history: HistoryNoise?,
        options: AnalysisOptions
    ) throws(AnalysisError) -> [Comparison] {
        func one(_ pair: SeriesPair) -> Result<Comparison, AnalysisError> {
            Result { () throws(AnalysisError) in
                try compare(pair, baseLabel: baseLabel, headLabel: headLabel, history: history, options: options)
            }
        }
        var results: [Result<Comparison, AnalysisError>?]
        if pairs.count < parallelThreshold {
            results = pairs.map(one)
        } else {
            results = [Result<Comparison, AnalysisError>?](repeating: nil, count: pairs.count)
            // Several chunks per core, so that a chunk of slow benchmarks does not leave a core idle.
            let chunkCount = min(pairs.count, 16 * max(1, ProcessInfo.processInfo.activeProcessorCount))
            results.withUnsafeMutableBufferPointer { buffer in
                // Each index is written by exactly one chunk, and `compare` shares no mutable state.
                nonisolated(unsafe) let slots = buffer
                nonisolated(unsafe) let compute = one
                DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                    let start = pairs.count * chunk / chunkCount
                    let end = pairs.count * (chunk + 1) / chunkCount
                    for index in start..<end { slots[index] = compute(pairs[index]) }
                }
            }
        }
        var comparisons: [Comparison] = []
        comparisons.reserveCapacity(pairs.count)
        for result in results {
            switch result {
            case .success(let comparison): comparisons.append(comparison)
            case .failure(let error): throw error
            case nil: throw AnalysisError(benchmark: nil, message: "internal: a comparison was not computed")
            }
        }
        return comparisons
    }
}
