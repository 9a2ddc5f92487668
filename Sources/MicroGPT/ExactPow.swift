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
