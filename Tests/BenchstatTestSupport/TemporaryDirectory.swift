import Foundation

/// A fresh directory under the system temporary directory, removed by `remove()` or when the last
/// reference to it goes away.
public final class TemporaryDirectory {
    /// The directory.
    public let url: URL

    /// The directory's path.
    public var path: String { url.path }

    /// Creates a new, empty directory.
    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("benchstat-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { remove() }

    /// Writes `text` as UTF-8 at `relative` (folders are created) and returns the file's URL.
    @discardableResult
    public func write(_ relative: String, _ text: String) throws -> URL {
        try write(relative, Data(text.utf8))
    }

    /// Writes `data` at `relative` (folders are created) and returns the file's URL.
    @discardableResult
    public func write(_ relative: String, _ data: Data) throws -> URL {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file
    }

    /// Writes `text` as UTF-8 at `relative` (folders are created) and returns the file's path,
    /// `<path>/<relative>`, for tests that pass paths rather than URLs.
    @discardableResult
    public func writeFile(_ relative: String, _ text: String) throws -> String {
        try writeFile(relative, Data(text.utf8))
    }

    /// Writes `data` at `relative` (folders are created) and returns the file's path.
    @discardableResult
    public func writeFile(_ relative: String, _ data: Data) throws -> String {
        let full = "\(path)/\(relative)"
        try write(relative, data)
        return full
    }

    /// Creates the folder `relative` (and its parents) and returns its path, `<path>/<relative>`.
    public func makeDirectory(_ relative: String) throws -> String {
        let full = "\(path)/\(relative)"
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        return full
    }

    /// Removes the directory and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Runs `body` with a temporary directory that is removed afterwards.
public func withTemporaryDirectory<T>(_ body: (TemporaryDirectory) throws -> T) throws -> T {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    return try body(directory)
}
