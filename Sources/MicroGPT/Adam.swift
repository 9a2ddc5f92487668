import Foundation

/// One step of Adam with microgpt.py's numbers:
///
///     m[i] = beta1 * m[i] + (1 - beta1) * p.grad
///     v[i] = beta2 * v[i] + (1 - beta2) * p.grad ** 2
///     m_hat = m[i] / (1 - beta1 ** (step + 1))
///     v_hat = v[i] / (1 - beta2 ** (step + 1))
///     p.data -= lr_t * m_hat / (v_hat ** 0.5 + eps_adam)
struct Adam {
    let learningRate: Double, beta1: Double, beta2: Double, epsilon: Double
    /// `1 - beta1 ** (step + 1)` and `1 - beta2 ** (step + 1)`.
    let correction1: Double, correction2: Double

    /// The lines above for parameter `i`, with libm's `pow` as Python calls it.
    @inline(__always)
    func updateAsPython(_ i: Int, _ data: UnsafeMutablePointer<Double>, _ grads: UnsafeMutablePointer<Double>,
                        _ m: UnsafeMutablePointer<Double>, _ v: UnsafeMutablePointer<Double>,
                        _ before: UnsafeMutablePointer<Double>) {
        let g = grads[i]
        m[i] = beta1 * m[i] + (1 - beta1) * g
        v[i] = beta2 * v[i] + (1 - beta2) * libmPow(g, 2)
        let mHat = m[i] / correction1
        let vHat = v[i] / correction2
        before[i] = data[i]
        data[i] -= learningRate * mHat / (libmPow(vHat, 0.5) + epsilon)
    }

    /// The same for parameters `i` and `i + 1` at once, with `pow` worked out by `ExactPow`; writes
    /// nothing and returns false when a lane's result could depend on a last bit only libm knows.
    @inline(__always)
    func update(_ i: Int, _ data: UnsafeMutablePointer<Double>, _ grads: UnsafeMutablePointer<Double>,
                _ m: UnsafeMutablePointer<Double>, _ v: UnsafeMutablePointer<Double>,
                _ before: UnsafeMutablePointer<Double>) -> Bool {
        let g = load(grads + i)
        let mi = beta1 * load(m + i) + (1 - beta1) * g
        let square = ExactPow.square(g), vOld = load(v + i)
        let vi = beta2 * vOld + (1 - beta2) * square.nearest
        let mHat = mi / correction1
        let vHat = vi / correction2
        let root = ExactPow.squareRoot(vHat), old = load(data + i)
        let new = old - learningRate * mHat / (root.nearest + epsilon)
        if !all(square.sure .& root.sure) {
            // glibc gives one of two squares; if both give the same v, which one does not matter.
            // The same for the two roots and the new weight. (Equal doubles are equal bits here:
            // v >= 0, and a weight that reaches 0 does so as +0.)
            let vOther = beta2 * vOld + (1 - beta2) * square.other
            let newOther = old - learningRate * mHat / (root.other + epsilon)
            let vSure = square.sure .| (square.bracketed .& (vi .== vOther))
            guard all(vSure .& (root.sure .| (root.bracketed .& (new .== newOther)))) else { return false }
        }
        store(mi, m + i)
        store(vi, v + i)
        store(old, before + i)
        store(new, data + i)
        return true
    }
}

@inline(__always) private func load(_ p: UnsafeMutablePointer<Double>) -> SIMD2<Double> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD2<Double>.self)
}

@inline(__always) private func store(_ x: SIMD2<Double>, _ p: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(p).storeBytes(of: x, as: SIMD2<Double>.self)
}
