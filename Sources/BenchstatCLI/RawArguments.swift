import BenchmarkModel
import Foundation

/// The command line's own bytes, for paths that are not UTF-8.
///
/// swift-argument-parser reads `CommandLine.arguments`, where every byte that is not UTF-8 is
/// already replaced by U+FFFD (a Latin-1 `base-\xE9.txt` arrives as `base-�.txt`, a file that does
/// not exist). A path argument holding U+FFFD is matched to the `argv` element (or the value of an
/// `--option=value` element) that decodes to the same lossy string, and replaced by that element's
/// bytes in `BytePath`'s carrier form; when several elements decode alike, the k-th such argument
/// takes the k-th such element (the parser keeps the command line's order).
enum RawArguments {
    /// Every `argv` element after the program, as bytes.
    static var candidates: [[UInt8]] {
        var found: [[UInt8]] = []
        for index in 1..<Int(max(CommandLine.argc, 1)) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer))).map {
                UInt8(bitPattern: $0)
            }
            found.append(bytes)
        }
        return found
    }

    /// `elements` and the value after the first `=` of each `--option=value` element.
    static func expanded(_ elements: [[UInt8]]) -> [[UInt8]] {
        var found: [[UInt8]] = []
        for bytes in elements {
            found.append(bytes)
            if bytes.starts(with: Array("--".utf8)), let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
                found.append(Array(bytes[(equals + 1)...]))
            }
        }
        return found
    }

    /// `arguments` (paths, in command-line order) in carrier form, each recovered from `argv` when
    /// the parser decoded it lossily.
    static func paths(_ arguments: [String], candidates: [[UInt8]] = candidates) -> [String] {
        var used: [String: Int] = [:]
        let candidates = expanded(candidates)
        return arguments.map { argument in
            guard argument.unicodeScalars.contains("\u{FFFD}") else {
                // Valid UTF-8: a code point of the carrier's escape range is carried as its bytes.
                return BytePath(bytes: Array(argument.utf8)).string
            }
            let matches = candidates.filter { String(decoding: $0, as: UTF8.self) == argument }
            let occurrence = used[argument, default: 0]
            used[argument] = occurrence + 1
            guard let bytes = matches.isEmpty ? nil : matches[min(occurrence, matches.count - 1)] else {
                return argument
            }
            return BytePath(bytes: bytes).string
        }
    }

    /// One path argument, as `paths(_:)` recovers it.
    static func path(_ argument: String) -> String {
        paths([argument]).first ?? argument
    }
}
