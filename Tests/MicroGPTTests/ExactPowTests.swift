import Testing
@testable import MicroGPT

/// What `ExactPow` says glibc's `pow(x, 2)` and `pow(x, 0.5)` return is what they return, bit for bit.
struct ExactPowTests {
    @Test func candidatesHoldLibmPow() {
        let libm = Graph().libmPow
        let random = Random(seed: 12)
        var inputs: [Double] = [0, -0.0, 1, 2, 0.5, 1e-300, -1e-300, 5e-324, 1e200, 3e-162, .leastNormalMagnitude,
                                0x1p-480, 0x1p480, 0x1.0000000000001p-480, 0x1.fffffffffffffp479, 1e-145, 4, 0.25]
        for _ in 0..<60_000 {
            inputs.append(random.gauss(0, 1) * libm(10, random.uniform(-40, 40)))
        }
        // Next to powers of two, where the doubles below are twice as close as those above:
        // squares of numbers near 2^(k/2) and roots of numbers near 2^k.
        for k in -40...40 {
            for n in -3...3 {
                inputs.append(libm(2, Double(k) / 2) * (1 + Double(n) * 0x1p-52))
                inputs.append(libm(2, Double(k)) * (1 + Double(n) * 0x1p-52))
            }
        }
        var sure = 0, bracketed = 0
        for i in stride(from: 0, to: inputs.count - 1, by: 2) {
            let x = SIMD2(inputs[i], inputs[i + 1])
            // Adam's roots are of v / (1 - beta2^t) >= 0 (-0 included, whose root pow makes +0).
            let y = x.replacing(with: -x, where: x .< 0)
            for (c, input, exponent) in [(ExactPow.square(x), x, 2.0), (ExactPow.squareRoot(y), y, 0.5)] {
                for lane in 0..<2 {
                    let glibc = libm(input[lane], exponent)
                    if c.sure[lane] {
                        sure += 1
                        #expect(c.nearest[lane].bitPattern == glibc.bitPattern, "pow(\(input[lane]), \(exponent))")
                    } else if c.bracketed[lane] {
                        bracketed += 1
                        #expect([c.nearest[lane].bitPattern, c.other[lane].bitPattern].contains(glibc.bitPattern),
                                "pow(\(input[lane]), \(exponent)) is neither candidate")
                    }
                }
            }
        }
        // Most lanes are settled without libm, and the others are at least bracketed.
        #expect(sure > 8 * bracketed)
        #expect(sure + bracketed > inputs.count * 2 * 9 / 10)
    }
}
