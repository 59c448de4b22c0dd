import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The directories a command is about to create, so that it can remove the ones it left empty when
/// it fails (`benchstat measure`: a failing command leaves no empty `runs/LABEL/` behind).
enum CreatedDirectories {
    /// `directory` and each of its parents that does not exist yet, outermost first.
    static func missing(on directory: String) -> [String] {
        var missing: [String] = []
        var path = directory
        while !path.isEmpty, path != "/", path != ".", !FileManager.default.fileExists(atPath: path) {
            missing.append(path)
            let parent = (path as NSString).deletingLastPathComponent
            if parent == path { break }
            path = parent
        }
        return missing.reversed()
    }

    /// Removes each of `directories` (as `missing(on:)` lists them) that is empty, innermost first;
    /// one that holds anything stays, and so do its parents.
    static func removeIfEmpty(_ directories: [String]) {
        for directory in directories.reversed() { rmdir(directory) }
    }
}
