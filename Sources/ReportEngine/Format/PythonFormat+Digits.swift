extension PythonFormat {
    /// The decimal digits of a finite double, as David Gay's `dtoa` (which Python uses) returns
    /// them: value = 0.d1d2d3... x 10^decimalPoint, without trailing zeros (zero is `"0"`, point 1).
    ///
    /// Rounded forms come from the exact decimal expansion of the binary value (every double is
    /// a finite decimal), rounded half to even, so they are correctly rounded like Python's:
    /// 0.125 to two places is 0.12 and 2.675 (really 2.67499999...) is 2.67.
    struct Digits: Equatable {
        /// Decimal digits 0...9, most significant first; no leading or trailing zeros except `[0]`.
        var digits: [UInt8]
        /// Position of the decimal point relative to the first digit.
        var decimalPoint: Int
        /// The sign bit of the value (also set for -0.0).
        var negative: Bool

        var isZero: Bool { digits == [0] }

        /// The shortest digits that round-trip to `value` (Python's `repr`, dtoa mode 0).
        /// Swift's `description` is also shortest-and-closest, so its digits are reused.
        static func shortest(_ value: Double) -> Digits {
            precondition(value.isFinite)
            var text = Substring(value.magnitude.description)
            var exponent = 0
            if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
                exponent = Int(text[text.index(after: e)...]) ?? 0
                text = text[..<e]
            }
            var digits: [UInt8] = []
            var integerDigits = 0
            var seenPoint = false
            for c in text.utf8 {
                if c == UInt8(ascii: ".") {
                    seenPoint = true
                } else {
                    digits.append(c - UInt8(ascii: "0"))
                    if !seenPoint { integerDigits += 1 }
                }
            }
            return normalized(digits, decimalPoint: integerDigits + exponent, negative: value.sign == .minus)
        }

        /// `value` rounded half-even to `count >= 1` significant digits (dtoa mode 2).
        static func significant(_ value: Double, _ count: Int) -> Digits {
            precondition(count >= 1)
            let exact = exact(value)
            return exact.rounded(keeping: count)
        }

        /// `value` rounded half-even to `places >= 0` digits after the point (dtoa mode 3).
        static func fixed(_ value: Double, places: Int) -> Digits {
            let exact = exact(value)
            return exact.rounded(keeping: exact.decimalPoint + places)
        }

        /// The exact decimal digits of an integral double (e.g. 1e22 -> 10000000000000000000000).
        static func integerText(_ value: Double) -> String {
            precondition(value.isFinite && value == value.rounded(.towardZero))
            let exact = exact(value)
            if exact.isZero { return "0" }
            var text = String(decoding: exact.digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
            text += String(repeating: "0", count: Swift.max(0, exact.decimalPoint - exact.digits.count))
            return text
        }

        /// All digits of the binary value `m * 2^e`, which always has a finite decimal expansion.
        static func exact(_ value: Double) -> Digits {
            precondition(value.isFinite)
            let negative = value.sign == .minus
            let magnitude = value.magnitude
            guard magnitude != 0 else { return Digits(digits: [0], decimalPoint: 1, negative: negative) }
            var significand = magnitude.significandBitPattern
            var exponent: Int
            if magnitude.exponentBitPattern == 0 {
                exponent = -1074  // subnormal
            } else {
                significand |= 1 << 52
                exponent = Int(magnitude.exponentBitPattern) - 1075
            }
            while significand & 1 == 0 && exponent < 0 {
                significand >>= 1
                exponent += 1
            }
            var number = LimbNumber(significand)
            if exponent >= 0 {
                number.multiply(byPowerOf: 2, exponent)
                return normalized(number.decimalDigits, decimalPoint: number.decimalDigits.count, negative: negative)
            }
            // m * 2^-k = m * 5^k / 10^k
            number.multiply(byPowerOf: 5, -exponent)
            let digits = number.decimalDigits
            return normalized(digits, decimalPoint: digits.count + exponent, negative: negative)
        }

        /// These digits rounded half-even to the first `keep` digits (zero when `keep < 0`, or when
        /// everything kept is zero).
        func rounded(keeping keep: Int) -> Digits {
            if isZero || keep >= digits.count { return self }
            let zero = Digits(digits: [0], decimalPoint: 1, negative: negative)
            if keep < 0 { return zero }
            let next = digits[keep]
            let restNonZero = digits[(keep + 1)...].contains { $0 != 0 }
            let previousOdd = keep > 0 && digits[keep - 1] % 2 == 1
            let up = next > 5 || (next == 5 && (restNonZero || previousOdd))
            var kept = Array(digits[..<keep])
            var point = decimalPoint
            if up {
                var i = kept.count - 1
                while i >= 0 && kept[i] == 9 {
                    kept[i] = 0
                    i -= 1
                }
                if i >= 0 {
                    kept[i] += 1
                } else {
                    kept.insert(1, at: 0)  // 999 -> 1000
                    point += 1
                }
            }
            if kept.allSatisfy({ $0 == 0 }) { return zero }
            return Self.normalized(kept, decimalPoint: point, negative: negative)
        }

        /// Strips leading zeros (moving the point) and trailing zeros; all zeros become `[0]`, 1.
        private static func normalized(_ digits: [UInt8], decimalPoint: Int, negative: Bool) -> Digits {
            guard let first = digits.firstIndex(where: { $0 != 0 }),
                  let last = digits.lastIndex(where: { $0 != 0 })
            else { return Digits(digits: [0], decimalPoint: 1, negative: negative) }
            return Digits(
                digits: Array(digits[first...last]), decimalPoint: decimalPoint - first, negative: negative)
        }
    }

    /// A non-negative integer in base 10^9 limbs (least significant first), just big enough for
    /// the exact expansion of a double (at most 767 significant digits).
    struct LimbNumber {
        static let base: UInt64 = 1_000_000_000
        private var limbs: [UInt64]

        init(_ value: UInt64) {
            limbs = []
            var v = value
            repeat {
                limbs.append(v % Self.base)
                v /= Self.base
            } while v > 0
        }

        /// Multiplies by `radix^exponent` (radix 2 or 5) in chunks that keep products in 64 bits.
        mutating func multiply(byPowerOf radix: UInt64, _ exponent: Int) {
            let chunk = radix == 2 ? 32 : 13  // 2^32 and 5^13 are both below 2^32
            var remaining = exponent
            while remaining > 0 {
                let step = Swift.min(chunk, remaining)
                var factor: UInt64 = 1
                for _ in 0..<step { factor *= radix }
                multiply(by: factor)
                remaining -= step
            }
        }

        private mutating func multiply(by factor: UInt64) {
            var carry: UInt64 = 0
            for i in limbs.indices {
                let product = limbs[i] * factor + carry
                limbs[i] = product % Self.base
                carry = product / Self.base
            }
            while carry > 0 {
                limbs.append(carry % Self.base)
                carry /= Self.base
            }
        }

        /// Decimal digits, most significant first, without leading zeros.
        var decimalDigits: [UInt8] {
            var digits: [UInt8] = []
            for (index, limb) in limbs.enumerated().reversed() {
                var chunk = [UInt8](repeating: 0, count: 9)
                var v = limb
                for k in stride(from: 8, through: 0, by: -1) {
                    chunk[k] = UInt8(v % 10)
                    v /= 10
                }
                if index == limbs.count - 1 {
                    digits.append(contentsOf: chunk.drop { $0 == 0 })
                } else {
                    digits.append(contentsOf: chunk)
                }
            }
            return digits.isEmpty ? [0] : digits
        }
    }
}
