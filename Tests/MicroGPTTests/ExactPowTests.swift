import Testing
@testable import MicroGPT

/// The shortcuts for `x ** 2` and `x ** 0.5` give what libm's `pow` gives, bit for bit.
struct ExactPowTests {
    @Test func squaresAndRootsEqualLibmPow() {
        let libm = Graph().libmPow
        let random = Random(seed: 11)
        var inputs: [Double] = [0, -0.0, 1, 2, 0.5, 1e-300, -1e-300, 5e-324, 1e200, 3e-162, .leastNormalMagnitude]
        for _ in 0..<20_000 {
            let magnitude = libm(10, random.uniform(-30, 30))
            inputs.append(random.gauss(0, 1) * magnitude)
        }
        for x in inputs {
            #expect(ExactPow.square(x, libm: libm).bitPattern == libm(x, 2).bitPattern, "pow(\(x), 2)")
            let y = abs(x)
            #expect(ExactPow.squareRoot(y, libm: libm).bitPattern == libm(y, 0.5).bitPattern, "pow(\(y), 0.5)")
        }
        // A zero gradient squares to +0 whatever its sign, as pow does.
        #expect(ExactPow.squareRoot(-0.0, libm: libm).bitPattern == libm(-0.0, 0.5).bitPattern)
    }

    /// Two at a time (Adam's path): every lane equals libm, including zeros, subnormals, huge
    /// numbers and inputs next to a rounding tie, which go to libm.
    @Test func twoAtATimeEqualLibmPow() {
        let libm = Graph().libmPow
        let random = Random(seed: 12)
        var inputs: [Double] = [0, -0.0, 1, 2, 0.5, 1e-300, -1e-300, 5e-324, 1e200, 3e-162, .leastNormalMagnitude,
                                0x1p-480, 0x1p480, 0x1.0000000000001p-480, 0x1.fffffffffffffp479, 1e-145, 4, 0.25]
        for _ in 0..<40_000 {
            inputs.append(random.gauss(0, 1) * libm(10, random.uniform(-40, 40)))
        }
        for i in stride(from: 0, to: inputs.count - 1, by: 2) {
            let x = SIMD2(inputs[i], inputs[i + 1])
            // Adam's roots are of v / (1 - beta2^t) >= 0 (-0 included, whose root pow makes +0).
            let y = x.replacing(with: -x, where: x .< 0)
            let squares = ExactPow.square(x, libm: libm), roots = ExactPow.squareRoot(y, libm: libm)
            for lane in 0..<2 {
                #expect(squares[lane].bitPattern == libm(x[lane], 2).bitPattern, "pow(\(x[lane]), 2)")
                #expect(roots[lane].bitPattern == libm(y[lane], 0.5).bitPattern, "pow(\(y[lane]), 0.5)")
            }
        }
    }
}
