extension JSONParser {
    /// Parses a number per the RFC 8259 grammar:
    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    ///
    /// Magnitudes beyond `Double.greatestFiniteMagnitude` throw `numberOutOfRange` (JSON has no
    /// infinity, so turning `1e999` into one would invent a value); values that underflow become
    /// zero or a subnormal, the nearest representable number.
    mutating func parseNumber() throws(JSONParseError) -> Double {
        let start = index
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        guard index < bytes.count else { throw error(.unexpectedEnd(expected: "a digit after '-'")) }
        var integer: UInt64 = 0
        var digitCount = 0
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            digitCount = 1
            if index < bytes.count, isDigit(bytes[index]) {
                throw unexpected(expected: "'.', 'e' or the end of the number (leading zeros are not allowed)")
            }
        } else if isDigit(bytes[index]) {
            while index < bytes.count, isDigit(bytes[index]) {
                if digitCount < 18 { integer = integer * 10 + UInt64(bytes[index] - UInt8(ascii: "0")) }
                digitCount += 1
                index += 1
            }
        } else {
            throw unexpected(expected: "a digit")
        }
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            try consumeDigits(expected: "a digit after '.'")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            try consumeDigits(expected: "a digit in the exponent")
        }
        // Integers of up to 15 digits are exact in a Double: convert them without text.
        if isInteger, digitCount <= 15 {
            let value = Double(integer)
            return negative ? -value : value
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw error(.numberOutOfRange(text), at: start)
        }
        return value
    }

    mutating func consumeDigits(expected: String) throws(JSONParseError) {
        guard index < bytes.count else { throw error(.unexpectedEnd(expected: expected)) }
        guard isDigit(bytes[index]) else { throw unexpected(expected: expected) }
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
