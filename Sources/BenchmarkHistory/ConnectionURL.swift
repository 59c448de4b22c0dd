import Foundation

/// Helpers for store locations: which backend a location names, and how to show a URL without its
/// password.
public enum ConnectionURL {
    /// Whether `location` is a PostgreSQL URL (`postgresql://…` or `postgres://…`).
    public static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgresql://") || location.hasPrefix("postgres://")
    }

    /// `location` with the password of its user-info part and any `password=` parameter replaced
    /// by `***`: the only form in which a URL appears in messages and logs.
    public static func redacted(_ location: String) -> String {
        guard isPostgres(location) else { return location }
        var text = location
        if let scheme = text.range(of: "://") {
            let rest = text[scheme.upperBound...]
            let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
            if let at = rest[..<authorityEnd].lastIndex(of: "@"),
                let colon = rest[..<at].firstIndex(of: ":")
            {
                text.replaceSubrange(text.index(after: colon)..<at, with: "***")
            }
        }
        if let range = text.range(of: "password=") {
            let end = text[range.upperBound...].firstIndex(of: "&") ?? text.endIndex
            text.replaceSubrange(range.upperBound..<end, with: "***")
        }
        return text
    }

    /// The password in `location`'s user-info or `password=` parameter, percent-decoded, or nil.
    static func password(in location: String) -> String? {
        guard isPostgres(location), let scheme = location.range(of: "://") else { return nil }
        let rest = location[scheme.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        if let at = rest[..<authorityEnd].lastIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") {
            let raw = String(rest[rest.index(after: colon)..<at])
            return raw.removingPercentEncoding ?? raw
        }
        if let range = location.range(of: "password=") {
            let end = location[range.upperBound...].firstIndex(of: "&") ?? location.endIndex
            return String(location[range.upperBound..<end])
        }
        return nil
    }
}
