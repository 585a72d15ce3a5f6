/// File names made from data (metric names, `--out`) that every file system accepts.
///
/// Most file systems allow 255 bytes per name. A name too long for that keeps its beginning
/// and ends in `~` and eight hex digits of a hash of the whole name, so two long names that
/// share their beginning still get different files; the full name stays in the report's text.
public enum ReportFileName {
    /// The longest figure file stem kept as it is: room for `-2`, an extension, and more.
    public static let maximumStemBytes = 120
    /// How much of a long name is kept before the hash.
    static let keptBytes = 100

    /// `name` when it is at most `maximumBytes` bytes of UTF-8; otherwise its first characters
    /// (at most ``keptBytes`` bytes, whole characters) followed by `~` and a hash of all of it.
    public static func shortened(_ name: String, maximumBytes: Int = maximumStemBytes) -> String {
        guard name.utf8.count > maximumBytes else { return name }
        var kept = ""
        var bytes = 0
        for character in name {
            let size = character.utf8.count
            guard bytes + size <= min(keptBytes, maximumBytes - 9) else { break }
            kept.append(character)
            bytes += size
        }
        return kept + "~" + hash(name)
    }

    /// Whether `name` looks like a ``shortened(_:maximumBytes:)`` result.
    public static func isShortened(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard scalars.count >= 9, scalars[scalars.count - 9] == "~" else { return false }
        return scalars.suffix(8).allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }

    /// Eight hex digits of the 64-bit FNV-1a hash of the UTF-8 bytes (folded to 32 bits): stable
    /// across runs and machines, unlike `Hasher`.
    static func hash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        let folded = UInt32(truncatingIfNeeded: h ^ (h >> 32))
        let digits = String(folded, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
