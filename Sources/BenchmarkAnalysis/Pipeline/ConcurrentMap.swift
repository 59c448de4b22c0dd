import BenchmarkModel
import Dispatch
import Foundation

extension Analyzer {
    /// Pairs below this count are compared on the calling thread: too few to pay for the threads.
    static let parallelThreshold = 64

    /// `body(0) … body(count − 1)` in index order. The calls are independent, so above
    /// `parallelThreshold` they run on every core (`inChunks`), each writing its result straight into
    /// its slot of the returned array (no intermediate array of results: at 20,000 comparisons of
    /// ~0.5 KB each, a copy is 10 MB); the order, the values and the error thrown (the first in
    /// index order) are those of a sequential loop.
    static func concurrentMap<T>(
        count: Int, _ body: (Int) throws(AnalysisError) -> T
    ) throws(AnalysisError) -> [T] {
        if count < parallelThreshold {
            var values: [T] = []
            values.reserveCapacity(count)
            for index in 0..<count { values.append(try body(index)) }
            return values
        }
        var failure: AnalysisError?
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            initializedCount = 0
            guard let base = buffer.baseAddress else { return }
            let chunks = inChunks(count: count) { index throws(AnalysisError) in
                (base + index).initialize(to: try body(index))
            }
            failure = firstFailure(chunks)
            guard failure != nil else {
                initializedCount = count
                return
            }
            // Undo the filled slots of every chunk, and hand back an empty array.
            for chunk in chunks where chunk.completed > 0 {
                (base + chunk.range.lowerBound).deinitialize(count: chunk.completed)
            }
        }
        if let failure { throw failure }
        return values
    }

    /// `body` on every element of `values`, in place: on every core (`inChunks`; each element is
    /// touched by one chunk only) above `parallelThreshold`, in order below it. The error thrown
    /// is the first in index order; after an error the elements are partly updated, and the
    /// caller discards them.
    static func concurrentUpdate<T>(
        _ values: inout [T], _ body: (inout T) throws(AnalysisError) -> Void
    ) throws(AnalysisError) {
        let count = values.count
        if count < parallelThreshold {
            for index in values.indices { try body(&values[index]) }
            return
        }
        let failure = values.withUnsafeMutableBufferPointer { buffer -> AnalysisError? in
            guard let base = buffer.baseAddress else { return nil }
            return firstFailure(inChunks(count: count) { index throws(AnalysisError) in try body(&base[index]) })
        }
        if let failure { throw failure }
    }

    /// One contiguous part of `0..<count` as `inChunks` ran it: how many of its indices completed,
    /// and the error that stopped it.
    struct Chunk {
        let range: Range<Int>
        var completed = 0
        var failure: AnalysisError?
    }

    /// Runs `body` on `0..<count` split into contiguous chunks, several per core (so that a chunk
    /// of slow items does not leave a core idle), on every core. A chunk stops at its first error,
    /// so the first chunk with an error holds the first error in index order. `body` must share no
    /// mutable state between indices.
    private static func inChunks(count: Int, _ body: (Int) throws(AnalysisError) -> Void) -> [Chunk] {
        let chunkCount = min(count, 16 * max(1, ProcessInfo.processInfo.activeProcessorCount))
        var chunks = (0..<chunkCount).map { Chunk(range: (count * $0 / chunkCount)..<(count * ($0 + 1) / chunkCount)) }
        withoutActuallyEscaping(body) { body in
            chunks.withUnsafeMutableBufferPointer { buffer in
                // Each chunk's record is written by that chunk only.
                nonisolated(unsafe) let records = buffer
                nonisolated(unsafe) let run = body
                DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                    for index in records[chunk].range {
                        do throws(AnalysisError) {
                            try run(index)
                            records[chunk].completed += 1
                        } catch {
                            records[chunk].failure = error
                            return
                        }
                    }
                }
            }
        }
        return chunks
    }

    /// The first error in index order of a run of `inChunks`.
    private static func firstFailure(_ chunks: [Chunk]) -> AnalysisError? {
        chunks.lazy.compactMap(\.failure).first
    }
}
