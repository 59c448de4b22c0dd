// A measurement, not part of benchstat: the floor of the columnar data layout that issue 17's
// million (10⁶ benchmarks × 1 sample × 2 labels in ≤ 2 s and ≤ 300 MiB) needs. Each label is read
// in 1 MiB chunks into a names arena (bytes only), an open-addressing table of name ids, and value
// and count columns; the two labels load on two threads; each base name is looked up in the head's
// table; a 96-byte row per comparison (the numbers a comparison keeps: values, change, interval,
// p-values, noise, threshold, samples needed, verdict, reason, method, unit) is kept; the rows are
// ordered by unit and written as text lines. It parses only the canonical JSON Lines that
// generate_suite.py writes (benchmark, unit, value), keeps one sample a series, and computes no
// statistics: it bounds what the data layout costs, not what the tool would.
//
//   swiftc -O -swift-version 5 Benchmarks/columnar_floor.swift -o /tmp/columnar_floor
//   /usr/bin/time -f '%e s wall, %U + %S s CPU, %M KB' /tmp/columnar_floor /tmp/benchstat-suites/shape-million/jsonl > /dev/null
import Foundation
import Dispatch

struct Label {
    var arena: [UInt8] = []
    var offsets: [UInt32] = []      // start of name i in arena; name i ends at offsets[i+1]
    var slots: [UInt32] = []        // open addressing: id + 1, 0 = empty
    var hashes: [UInt32] = []       // per id
    var values: [Double] = []       // one-sample column (first sample)
    var counts: [UInt32] = []
    var units: [UInt8] = []
    var unitNames: [[UInt8]] = []
    var mask = 0

    init(expected: Int) {
        var cap = 16
        while cap < expected * 2 { cap <<= 1 }
        slots = [UInt32](repeating: 0, count: cap); mask = cap - 1
        arena.reserveCapacity(expected * 28); offsets.reserveCapacity(expected + 1); offsets.append(0)
        hashes.reserveCapacity(expected); values.reserveCapacity(expected); counts.reserveCapacity(expected); units.reserveCapacity(expected)
    }

    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
        var h: UInt64 = 0xcbf29ce484222325
        for i in 0..<n { h = (h ^ UInt64(p[i])) &* 0x100000001b3 }
        return UInt32(truncatingIfNeeded: h ^ (h >> 32))
    }

    func find(_ p: UnsafePointer<UInt8>, _ n: Int, _ h: UInt32) -> (Int, Int) {  // (id or -1, slot)
        var s = Int(h) & mask
        while true {
            let v = slots[s]
            if v == 0 { return (-1, s) }
            let id = Int(v - 1)
            if hashes[id] == h {
                let a = Int(offsets[id]), b = Int(offsets[id + 1])
                if b - a == n && arena.withUnsafeBufferPointer({ memcmp($0.baseAddress! + a, p, n) == 0 }) { return (id, s) }
            }
            s = (s + 1) & mask
        }
    }

    mutating func add(name p: UnsafePointer<UInt8>, _ n: Int, unit: UnsafeBufferPointer<UInt8>, value: Double) {
        let h = Self.hash(p, n)
        let (id, slot) = find(p, n, h)
        if id >= 0 { counts[id] += 1; return }
        let newID = hashes.count
        arena.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
        offsets.append(UInt32(arena.count))
        hashes.append(h); values.append(value); counts.append(1)
        var u = unitNames.firstIndex { $0.elementsEqual(unit) }
        if u == nil { unitNames.append(Array(unit)); u = unitNames.count - 1 }
        units.append(UInt8(u!))
        slots[slot] = UInt32(newID + 1)
    }
}

func field(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ key: [UInt8]) -> Int? {
    var i = start
    let k = key.count
    while i + k <= end {
        if b[i] == key[0] && memcmp(b + i, key, k) == 0 { return i + k }
        i += 1
    }
    return nil
}

func load(_ path: String) -> Label {
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    var label = Label(expected: max(16, size / 80))
    let kName = Array("\"benchmark\": \"".utf8), kUnit = Array("\"unit\": \"".utf8), kValue = Array("\"value\": ".utf8)
    guard let f = fopen(path, "r") else {
        FileHandle.standardError.write("cannot open \(path)\n".data(using: .utf8) ?? Data())
        exit(2)
    }
    defer { fclose(f) }
    let chunk = 1 << 20
    var storage = [UInt8](repeating: 0, count: chunk + 4096)
    var carry = 0
    var buf = [CChar](repeating: 0, count: 64)
    while true {
        let got = storage.withUnsafeMutableBytes { fread($0.baseAddress! + carry, 1, chunk, f) }
        let n = carry + got
        if n == 0 { break }
        var consumed = 0
        storage.withUnsafeBufferPointer { raw in
            let b = raw.baseAddress!
            var lineStart = 0
            while lineStart < n {
                var e = lineStart
                while e < n && b[e] != 10 { e += 1 }
                if e == n && got > 0 { break }  // partial line: carry over
                if let ns = field(b, lineStart, e, kName) {
                    var ne = ns; while b[ne] != 34 { ne += 1 }
                    let us = field(b, ne, e, kUnit)!; var ue = us; while b[ue] != 34 { ue += 1 }
                    let vs = field(b, ue, e, kValue)!; var ve = vs; while ve < e && b[ve] != 125 && b[ve] != 44 { ve += 1 }
                    let len = min(63, ve - vs)
                    for i in 0..<len { buf[i] = CChar(bitPattern: b[vs + i]) }
                    buf[len] = 0
                    let v = strtod(buf, nil)
                    label.add(name: b + ns, ne - ns, unit: UnsafeBufferPointer(start: b + us, count: ue - us), value: v)
                }
                lineStart = e + 1
            }
            consumed = min(lineStart, n)
        }
        carry = n - consumed
        if carry > 0 { storage.withUnsafeMutableBytes { _ = memmove($0.baseAddress!, $0.baseAddress! + consumed, carry) } }
        if got == 0 { break }
    }
    return label
}

struct Row {  // a compact comparison: ~ what a table of comparisons would keep per benchmark
    var name: UInt32; var headID: UInt32
    var base: Double; var head: Double; var change: Double
    var interval: (Double, Double); var p: Double; var pAdjusted: Double
    var noise: Double; var threshold: Double; var samplesNeeded: Int64
    var verdict: UInt8; var reason: UInt8; var method: UInt8; var unit: UInt8
}

let dir = CommandLine.arguments[1]
nonisolated(unsafe) var labels = [Label?](repeating: nil, count: 2)
let files = ["base.jsonl", "head.jsonl"]
labels.withUnsafeMutableBufferPointer { buf in
    nonisolated(unsafe) let b = buf
    DispatchQueue.concurrentPerform(iterations: 2) { i in b[i] = load(dir + "/" + files[i]) }
}
let base = labels[0]!, head = labels[1]!
labels = []
let count = base.hashes.count
var rows = [Row](); rows.reserveCapacity(count)
base.arena.withUnsafeBufferPointer { arena in
    for id in 0..<count {
        let a = Int(base.offsets[id]), n = Int(base.offsets[id + 1]) - a
        let (hid, _) = head.find(arena.baseAddress! + a, n, base.hashes[id])
        let bv = base.values[id]
        let hv = hid >= 0 ? head.values[hid] : .nan
        let change = (hv / bv - 1) * 100
        rows.append(Row(name: UInt32(id), headID: UInt32(max(hid, 0)), base: bv, head: hv, change: change, interval: (.nan, .nan), p: .nan, pAdjusted: .nan, noise: .nan, threshold: 5, samplesNeeded: -1, verdict: 0, reason: 0, method: 0, unit: base.units[id]))
    }
}
// Report order: by unit group, then first seen (stable counting sort by unit).
var order = Array(0..<count)
order.sort { rows[$0].unit != rows[$1].unit ? rows[$0].unit < rows[$1].unit : $0 < $1 }
func appendNumber(_ x: Double, _ out: inout [UInt8]) {
    var v = x
    out.append(32); out.append(32)
    if v < 0 { out.append(45); v = -v }
    let whole = UInt64(min(v, 1e18))
    var digits: [UInt8] = []
    var w = whole
    repeat { digits.append(UInt8(48 + w % 10)); w /= 10 } while w > 0
    out.append(contentsOf: digits.reversed())
    out.append(46)
    let frac = UInt64((v - Double(whole)) * 100)
    out.append(UInt8(48 + frac / 10 % 10)); out.append(UInt8(48 + frac % 10))
}
var out = [UInt8](); out.reserveCapacity(1 << 20)
let fd = open("/dev/stdout", O_WRONLY)
base.arena.withUnsafeBufferPointer { arena in
    for i in order {
        let r = rows[Int(i)]
        let a = Int(base.offsets[Int(r.name)]), b = Int(base.offsets[Int(r.name) + 1])
        out.append(contentsOf: arena[a..<b])
        appendNumber(r.base, &out); appendNumber(r.head, &out); appendNumber(r.change, &out)
        out.append(contentsOf: "  inconclusive\n".utf8)
        if out.count > 1 << 20 { _ = out.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }; out.removeAll(keepingCapacity: true) }
    }
}
_ = out.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
FileHandle.standardError.write("rows \(count), row \(MemoryLayout<Row>.stride) B\n".data(using: .utf8)!)
