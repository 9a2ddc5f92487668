import Foundation

/// libm's `pow`, called as CPython calls it. The wrapper is kept unoptimised on purpose: LLVM
/// otherwise rewrites `pow(x, 2)` to `x * x`, `pow(x, 0.5)` to `sqrt(x)` and `pow(x, -1)` to
/// `1 / x`, which can differ from libm in the last bit and break bit-identity with microgpt.py.
@_optimize(none) @inline(never)
func libmPow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
