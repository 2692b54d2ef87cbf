/// Makes repeated long cell texts share one string's storage.
///
/// Swift stores texts of up to 15 UTF-8 bytes inline, so only longer ones are looked up.
/// A column whose long texts are mostly distinct (over half of the first 4,096) stops
/// interning and frees its table: there is little to share and the table would cost more.
struct CSVTextInterner {
    /// How many long texts decide whether interning pays off.
    private static let trialCount = 4096
    /// Open-addressing slots holding `index + 1` into `uniques` (0 = empty).
    private var slots: [Int32] = []
    private var uniques: [String] = []
    private var hashes: [UInt64] = []
    private var lookups = 0
    private var enabled = true

    /// The string for `bytes`, shared with an earlier equal one where possible.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard enabled, bytes.count > 15, let p = bytes.baseAddress else {
            return String(decoding: bytes, as: UTF8.self)
        }
        lookups += 1
        if lookups == Self.trialCount, uniques.count * 2 > Self.trialCount {
            enabled = false
            slots = []
            uniques = []
            hashes = []
            return String(decoding: bytes, as: UTF8.self)
        }
        if uniques.count * 2 >= slots.count { grow() }
        let hash = Self.hash(p, bytes.count)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 {
                let text = String(decoding: bytes, as: UTF8.self)
                uniques.append(text)
                hashes.append(hash)
                slots[slot] = Int32(uniques.count)
                return text
            }
            if hashes[entry - 1] == hash, Self.equal(uniques[entry - 1], bytes) {
                return uniques[entry - 1]
            }
            slot = (slot + 1) & mask
        }
    }

    /// Doubles the slot table (at least 1,024 slots) and re-inserts every unique text.
    private mutating func grow() {
        let size = max(1024, slots.count * 2)
        slots = [Int32](repeating: 0, count: size)
        let mask = size - 1
        for (k, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(k + 1)
        }
    }

    /// Whether `text` has exactly the UTF-8 bytes `bytes`.
    private static func equal(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var text = text
        return text.withUTF8 { stored in
            guard stored.count == bytes.count else { return false }
            for k in 0..<stored.count where stored[k] != bytes[k] { return false }
            return true
        }
    }

    /// A 64-bit hash of `count` bytes at `p`, eight at a time.
    private static func hash(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        let raw = UnsafeRawPointer(p)
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        var i = 0
        while i + 8 <= count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < count {
            tail |= UInt64(p[i]) << shift
            shift += 8
            i += 1
        }
        return SplitMix64.mix(h ^ tail)
    }
}
