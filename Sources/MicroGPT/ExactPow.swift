/// glibc's `pow(x, 2)` and `pow(x, 0.5)`, which Adam needs 8 million of, mostly without calling it.
///
/// glibc's `pow` is within 0.54 ULP of the true value (its documented bound), so, away from powers
/// of two, it returns one of the two doubles on either side of the true value, and when the true
/// value lies within 0.45 ULP of the nearest double it must return that one. Here the nearest double
/// is computed exactly (`x * x`, `sqrt`), with its exact error, which says how close the true value
/// is and on which side. (The rare lanes left unsure, powers of two among them, are settled by the
/// caller.)
/// Two numbers at a time: one SSE2 register.
enum ExactPow {
    typealias Pair = SIMD2<Double>
    typealias Mask = SIMDMask<SIMD2<Int64>>

    /// What glibc may return for each lane.
    struct Candidates {
        /// The double nearest the true value.
        var nearest: Pair
        /// The double on the other side of the true value.
        var other: Pair
        /// Lanes where glibc surely returns `nearest`.
        var sure: Mask
        /// Lanes where glibc returns `nearest` or `other`: the error was computed exactly, and
        /// `nearest` is not a power of two (below one the doubles are twice as close, and a third
        /// one can be within 0.54 ULP of the true value).
        var bracketed: Mask
    }

    /// `pow(x, 2)` per lane.
    @inline(__always)
    static func square(_ x: Pair) -> Candidates {
        let p = x * x
        let error = productError(x, x, p) // x*x - p, exact in range
        let close: Mask = magnitude(error) .< 0.45 * ulp(p)
        let bracketed = inRange(x) .& notPowerOfTwo(p)
        // pow(±0, 2) is +0 by IEEE 754 (and most parameters of a step have a zero gradient).
        return Candidates(nearest: p, other: neighbour(of: p, toward: error), sure: (x .== 0) .| (bracketed .& close),
                          bracketed: bracketed)
    }

    /// `pow(x, 0.5)` per lane for x >= 0.
    @inline(__always)
    static func squareRoot(_ x: Pair) -> Candidates {
        let r = x.squareRoot()
        let p = r * r
        // r*r - x: p - x is exact (Sterbenz), and one rounding of the sum is what fma would give.
        let residual: Pair = (p - x) + productError(r, r, p)
        // sqrt(x) - r ≈ -residual / (2r): close enough when |residual| < 0.45 ulp · 2r. When r*r
        // rounds to x itself, sqrt(x) is within 0.36 ULP of r.
        let bound: Pair = 0.9 * r * ulp(r)
        let close = (p .== x) .| (magnitude(residual) .< bound)
        let bracketed = inRange(x) .& notPowerOfTwo(r)
        // pow(±0, 0.5) is +0 (sqrt(-0) would be -0).
        let zero = x .== 0
        return Candidates(nearest: r.replacing(with: 0, where: zero), other: neighbour(of: r, toward: -residual),
                          sure: zero .| (bracketed .& close), bracketed: bracketed .& .!zero)
    }

    /// `a * b - p` exactly, for `p = a * b` (Dekker: split each factor into halves of 26 bits;
    /// plain multiplies and adds, so it vectorises without an FMA instruction).
    @inline(__always)
    private static func productError(_ a: Pair, _ b: Pair, _ p: Pair) -> Pair {
        let ca = 134_217_729 * a, cb = 134_217_729 * b
        let aHigh = ca - (ca - a), bHigh = cb - (cb - b)
        let aLow = a - aHigh, bLow = b - bHigh
        return (((aHigh * bHigh - p) + aHigh * bLow) + aLow * bHigh) + aLow * bLow
    }

    /// Lanes far from overflow and underflow: the two-product is exact and every result normal.
    @inline(__always)
    private static func inRange(_ x: Pair) -> Mask {
        let size = magnitude(x)
        return (size .>= Pair(repeating: 0x1p-480)) .& (size .<= Pair(repeating: 0x1p480))
    }

    /// `abs` per lane (the sign bit cleared).
    @inline(__always)
    private static func magnitude(_ x: Pair) -> Pair {
        unsafeBitCast(unsafeBitCast(x, to: SIMD2<UInt64>.self) & 0x7fff_ffff_ffff_ffff, to: Pair.self)
    }

    /// The next double after positive `p` in the direction of `direction`'s sign.
    @inline(__always)
    private static func neighbour(of p: Pair, toward direction: Pair) -> Pair {
        let bits = unsafeBitCast(p, to: SIMD2<UInt64>.self)
        let up = unsafeBitCast(direction .> 0, to: SIMD2<UInt64>.self) // all ones (-1) where up
        // Up: bits - (-1) = bits + 1; down: bits - 1 (for a positive normal p).
        return unsafeBitCast(bits &- (up &+ up &+ 1), to: Pair.self)
    }

    /// The gap between normal positive `p` and its neighbours: `p.ulp`. (Below a power of two the
    /// gap is half that; powers of two are left to libm, see `notPowerOfTwo`.)
    @inline(__always)
    private static func ulp(_ p: Pair) -> Pair { exponent(p) * 0x1p-52 }

    /// Lanes where `p` is not a power of two.
    @inline(__always)
    private static func notPowerOfTwo(_ p: Pair) -> Mask { exponent(p) .!= p }

    /// The power of two at or below normal positive `p`: its exponent bits alone.
    @inline(__always)
    private static func exponent(_ p: Pair) -> Pair {
        unsafeBitCast(unsafeBitCast(p, to: SIMD2<UInt64>.self) & 0x7ff0_0000_0000_0000, to: Pair.self)
    }
}
