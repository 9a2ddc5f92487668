import Foundation

/// `pow(x, 2)` and `pow(x, 0.5)` exactly as libm returns them, without calling libm when it
/// cannot matter. glibc's `pow` is within 0.54 ULP of the true value (its documented bound), so
/// when the correctly rounded result lies within 0.45 ULP of the truth, glibc returns that same
/// number; only the few cases closer to a rounding tie go to libm. Adam needs 8 million of these.
enum ExactPow {
    /// `pow(x, 2)`, bit-identical to glibc.
    @inline(__always)
    static func square(_ x: Double, libm: (Double, Double) -> Double) -> Double {
        // pow(±0, 2) is +0 by IEEE 754 (and most parameters of a step have a zero gradient).
        if x == 0 { return 0 }
        let p = x * x
        guard p.isNormal else { return libm(x, 2) }
        let error = (-p).addingProduct(x, x) // x*x - p, exact
        return error.magnitude < 0.45 * spacing(below: p, toward: error) ? p : libm(x, 2)
    }

    /// `pow(x, 0.5)`, bit-identical to glibc.
    @inline(__always)
    static func squareRoot(_ x: Double, libm: (Double, Double) -> Double) -> Double {
        // pow(±0, 0.5) is +0 by IEEE 754 (sqrt(-0) would be -0).
        if x == 0 { return 0 }
        let r = x.squareRoot()
        guard r.isNormal, x.isNormal else { return libm(x, 0.5) }
        let residual = x - r * r == 0 ? 0 : (-x).addingProduct(r, r) // r*r - x, exact
        // sqrt(x) - r ≈ -residual / (2r): close enough when |residual| < 0.45 ulp · 2r.
        return residual.magnitude < 0.9 * r * spacing(below: r, toward: -residual) ? r : libm(x, 0.5)
    }

    /// The gap between `p` and its neighbour on the side `direction` points to.
    @inline(__always)
    private static func spacing(below p: Double, toward direction: Double) -> Double {
        direction < 0 && p.significandBitPattern == 0 ? p.ulp / 2 : p.ulp
    }
}

/// The same shortcuts two numbers at a time (one SSE2 register), for Adam. The exact error of a
/// product comes from Dekker's two-product (plain multiplies and adds, so it vectorises without an
/// FMA instruction), which is exact while the numbers stay far from overflow and underflow; lanes
/// outside that range, and lanes too close to a rounding tie, go to libm.
extension ExactPow {
    typealias Pair = SIMD2<Double>
    typealias Mask = SIMDMask<SIMD2<Int64>>

    /// `pow(x, 2)` per lane, bit-identical to glibc.
    @inline(__always)
    static func square(_ x: Pair, libm: (Double, Double) -> Double) -> Pair {
        let p = x * x
        let error = productError(x, x, p)
        let close: Mask = magnitude(error) .< 0.45 * spacing(below: p, toward: error)
        let safe = (x .== 0) .| (inRange(x) .& close)
        return settle(p, safe) { libm(x[$0], 2) }
    }

    /// `pow(x, 0.5)` per lane for x >= 0, bit-identical to glibc.
    @inline(__always)
    static func squareRoot(_ x: Pair, libm: (Double, Double) -> Double) -> Pair {
        let r = x.squareRoot()
        let p = r * r
        // r*r - x: p - x is exact (Sterbenz), and one rounding of the sum is what fma would give.
        let residual: Pair = (p - x) + productError(r, r, p)
        let bound: Pair = 0.9 * r * spacing(below: r, toward: -residual)
        let close = (p .== x) .| (magnitude(residual) .< bound)
        // pow(±0, 0.5) is +0 (sqrt(-0) would be -0).
        let zero = x .== 0
        return settle(r.replacing(with: 0, where: zero), zero .| (inRange(x) .& close)) { libm(x[$0], 0.5) }
    }

    /// `a * b - p` exactly, for `p = a * b` (Dekker: split each factor into halves of 26 bits).
    @inline(__always)
    private static func productError(_ a: Pair, _ b: Pair, _ p: Pair) -> Pair {
        let ca = 134_217_729 * a, cb = 134_217_729 * b
        let aHigh = ca - (ca - a), bHigh = cb - (cb - b)
        let aLow = a - aHigh, bLow = b - bHigh
        return (((aHigh * bHigh - p) + aHigh * bLow) + aLow * bHigh) + aLow * bLow
    }

    /// Lanes where the two-product is exact and every result is a normal number.
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

    /// `spacing(below:toward:)` per lane, for normal positive `p`.
    @inline(__always)
    private static func spacing(below p: Pair, toward direction: Pair) -> Pair {
        // p's exponent alone is the power of two at or below p; ulp is 2^-52 of it.
        let power = unsafeBitCast(unsafeBitCast(p, to: SIMD2<UInt64>.self) & 0x7ff0_0000_0000_0000, to: Pair.self)
        let ulp = power * 0x1p-52
        return ulp.replacing(with: ulp * 0.5, where: (direction .< 0) .& (power .== p))
    }

    /// `value`, with the lanes that are not `safe` computed one at a time by `scalar` (libm).
    @inline(__always)
    private static func settle(_ value: Pair, _ safe: Mask, _ scalar: (Int) -> Double) -> Pair {
        if all(safe) { return value }
        var result = value
        for lane in 0..<2 where !safe[lane] { result[lane] = scalar(lane) }
        return result
    }
}
