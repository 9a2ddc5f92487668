import Foundation

/// CPython's `random` module, bit for bit: a Mersenne Twister (MT19937) seeded the way
/// `random.seed(n)` seeds it, and the draws microgpt.py uses built the way Lib/random.py builds them.
/// It is passed to whoever draws from it; there is no global generator.
public final class Random: @unchecked Sendable {
    private var state = [UInt32](repeating: 0, count: 624)
    private var index = 624
    /// `gauss` makes two numbers at a time and keeps the second for the next call, as CPython does.
    private var gaussNext: Double?

    /// A generator in the state `random.seed(seed)` leaves CPython's.
    public init(seed: Int) {
        var key: [UInt32] = []
        var n = seed.magnitude
        repeat {
            key.append(UInt32(truncatingIfNeeded: n))
            n >>= 32
        } while n > 0
        seedByArray(key)
    }

    /// A copy with the same state: it will draw the same numbers as this one.
    public func copy() -> Random {
        let other = Random(seed: 0)
        other.state = state
        other.index = index
        other.gaussNext = gaussNext
        return other
    }

    private func seedByArray(_ key: [UInt32]) {
        state[0] = 19_650_218
        for i in 1..<624 {
            state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
        }
        var i = 1, j = 0
        for _ in 0..<max(624, key.count) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(j)
            i += 1; j += 1
            if i >= 624 { state[0] = state[623]; i = 1 }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<623 {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= 624 { state[0] = state[623]; i = 1 }
        }
        state[0] = 0x8000_0000
        index = 624
        gaussNext = nil
    }

    private func twist() {
        for k in 0..<624 {
            let y = (state[k] & 0x8000_0000) | (state[(k + 1) % 624] & 0x7fff_ffff)
            state[k] = state[(k + 397) % 624] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : 0x9908_b0df)
        }
        index = 0
    }

    /// The next raw 32-bit output of the twister (`genrand_uint32`).
    private func next32() -> UInt32 {
        if index >= 624 { twist() }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// A float in [0, 1) with 53 random bits, as `random.random()`.
    public func random() -> Double {
        let a = Double(next32() >> 5), b = Double(next32() >> 6)
        return (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `random.uniform(a, b)`: `a + (b - a) * random()`.
    public func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * random() }

    /// A normal draw, as `random.gauss(mu, sigma)` (Box–Muller, second value cached).
    public func gauss(_ mu: Double, _ sigma: Double) -> Double {
        var z: Double
        if let cached = gaussNext {
            z = cached
            gaussNext = nil
        } else {
            let x2pi = random() * (2.0 * Double.pi)
            let g2rad = (-2.0 * Foundation.log(1.0 - random())).squareRoot()
            z = Foundation.cos(x2pi) * g2rad
            gaussNext = Foundation.sin(x2pi) * g2rad
        }
        return mu + z * sigma
    }

    /// `random.getrandbits(k)` for k up to 64.
    public func getrandbits(_ k: Int) -> UInt64 {
        precondition(k >= 0 && k <= 64, "getrandbits supports 0...64 bits")
        if k == 0 { return 0 }
        if k <= 32 { return UInt64(next32() >> (32 - UInt32(k))) }
        let low = UInt64(next32())
        let high = UInt64(next32() >> (64 - UInt32(k)))
        return low | (high << 32)
    }

    /// `_randbelow(n)`: a uniform integer in 0..<n by rejection over `n.bit_length()` bits.
    public func randbelow(_ n: Int) -> Int {
        guard n > 0 else { return 0 }
        let k = Int.bitWidth - n.leadingZeroBitCount
        var r = getrandbits(k)
        while r >= UInt64(n) { r = getrandbits(k) }
        return Int(r)
    }

    /// Shuffles in place, as `random.shuffle(x)`.
    public func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        // The swaps are made on positions (plain integers, fast), then the elements follow them.
        var order = Array(array.indices)
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(i, randbelow(i + 1))
        }
        array = order.map { array[$0] }
    }

    /// An index drawn with the given weights, as `random.choices(range(n), weights=w)[0]`:
    /// cumulative weights, then a right bisection of `random() * total`.
    public func choices(weights: [Double]) -> Int {
        precondition(!weights.isEmpty, "choices needs at least one weight")
        var cumulative: [Double] = []
        cumulative.reserveCapacity(weights.count)
        var running = 0.0
        for (i, w) in weights.enumerated() {
            running = i == 0 ? w : running + w
            cumulative.append(running)
        }
        let x = random() * (running + 0.0)
        var lo = 0, hi = weights.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if x < cumulative[mid] { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
