/// Every feature's rows in ascending order of value, sorted once per fit and shared by the
/// trees of a forest (each tree keeps the rows it drew, in the same order).
final class PresortedFeatures: Sendable {
    /// `entries[feature * rowCount + rank]`: the row with that rank and its value, packed as
    /// `PresortedSplitter.entry(row:value:)`.
    let entries: SharedTreeBuffer<UInt64>

    init(_ data: TreeTrainingData, threads: Int) {
        let rows = data.rowCount
        let perFeature = RowChunks.map(count: data.featureCount, chunkSize: 1, threads: threads) { range in
            let column = data.columns.pointer + range.lowerBound * rows
            let keys = Self.sortedKeys(UnsafeBufferPointer(start: column, count: rows))
            return keys.map { key in
                let row = Int(truncatingIfNeeded: key & 0xFFFF_FFFF)
                return PresortedSplitter.entry(row: row, value: column[row])
            }
        }
        entries = SharedTreeBuffer(perFeature.flatMap { $0 })
    }

    /// `orderedBits(value) << 32 | row` for every row of `column`, ascending: the rows in
    /// order of value (rows ascending among equal values), by a stable least-significant-digit
    /// radix sort of the value bits, one byte per pass.
    static func sortedKeys(_ column: UnsafeBufferPointer<Float>) -> [UInt64] {
        let n = column.count
        var keys = [UInt64](repeating: 0, count: n)
        var buffer = [UInt64](repeating: 0, count: n)
        keys.withUnsafeMutableBufferPointer { keys in
            buffer.withUnsafeMutableBufferPointer { buffer in
                for row in 0..<n {
                    keys[row] = UInt64(orderedBits(column[row])) << 32 | UInt64(row)
                }
                var counts = [Int](repeating: 0, count: 256)
                var source = keys
                var target = buffer
                for shift in stride(from: UInt64(32), to: 64, by: 8) {
                    for i in 0..<256 { counts[i] = 0 }
                    for i in 0..<n { counts[Int((source[i] >> shift) & 0xFF)] &+= 1 }
                    // Skip a pass where every key has the same byte.
                    if counts.contains(n) { continue }
                    var offset = 0
                    for i in 0..<256 {
                        let count = counts[i]
                        counts[i] = offset
                        offset &+= count
                    }
                    for i in 0..<n {
                        let digit = Int((source[i] >> shift) & 0xFF)
                        target[counts[digit]] = source[i]
                        counts[digit] &+= 1
                    }
                    swap(&source, &target)
                }
                if source.baseAddress != keys.baseAddress, let base = source.baseAddress {
                    keys.baseAddress?.update(from: base, count: n)
                }
            }
        }
        return keys
    }

    /// The value whose `orderedBits` are in the high half of `key`.
    @inline(__always)
    static func value(ofKey key: UInt64) -> Float {
        let bits = UInt32(truncatingIfNeeded: key >> 32)
        return Float(bitPattern: bits & 0x8000_0000 != 0 ? bits & 0x7FFF_FFFF : ~bits)
    }

    /// Bits of `value` whose unsigned order is the numeric order of finite floats.
    @inline(__always)
    static func orderedBits(_ value: Float) -> UInt32 {
        let bits = value.bitPattern
        return bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
    }
}
