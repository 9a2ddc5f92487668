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
}
