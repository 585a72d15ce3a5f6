/// Whether `a` and `b` differ by at most `tolerance`: the one absolute comparison the tests
/// use (equal values, including equal infinities, always are; NaN never is).
public func isClose<T: SignedNumeric & Comparable>(_ a: T, _ b: T, absolute tolerance: T) -> Bool {
    a == b || (a > b ? a - b : b - a) <= tolerance
}

/// Whether `a` and `b` differ by at most `tolerance` times the larger of their magnitudes: the
/// one relative comparison the tests use (as swift-numerics' `isApproximatelyEqual` defines it).
public func isClose<T: FloatingPoint>(_ a: T, _ b: T, relative tolerance: T) -> Bool {
    a == b || abs(a - b) <= tolerance * max(abs(a), abs(b))
}
