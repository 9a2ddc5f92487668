/// A run of numbers in memory an `Arena` owns: an activation, a gradient, a row of a matrix.
/// A view without copy-on-write or reference counting, so the innermost loops only load and store.
struct Vector {
    let base: UnsafeMutablePointer<Double>
    let count: Int

    @inline(__always) subscript(i: Int) -> Double {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }

    /// Every entry set to 0 (where a gradient starts, as `Value.grad` does).
    @inline(__always) func zero() { base.update(repeating: 0, count: count) }

    /// The entries as an array.
    var array: [Double] { Array(UnsafeBufferPointer(start: base, count: count)) }
}

/// Owns the memory of the vectors it hands out, allocated once and freed with it: a training
/// step writes into the same memory every time and allocates nothing.
final class Arena {
    private var blocks: [UnsafeMutablePointer<Double>] = []

    /// `count` zeros.
    func vector(_ count: Int) -> Vector {
        let base = UnsafeMutablePointer<Double>.allocate(capacity: max(count, 1))
        base.initialize(repeating: 0, count: max(count, 1))
        blocks.append(base)
        return Vector(base: base, count: count)
    }

    deinit { for block in blocks { block.deallocate() } }
}

/// `y[i] += a[i] * s` for every i: one multiply and one add per entry, in that order, as
/// `child.grad += local_grad * v.grad` does; entries are independent, so four go at a time.
/// (Swift never fuses the multiply into the add: each result is rounded twice, as in Python.)
@inline(__always)
func accumulate(_ y: UnsafeMutablePointer<Double>, _ a: UnsafePointer<Double>, times s: Double, count n: Int) {
    var i = 0
    let s4 = SIMD4<Double>(repeating: s)
    let yRaw = UnsafeMutableRawPointer(y), aRaw = UnsafeRawPointer(a)
    while i + 4 <= n {
        let sum = yRaw.loadUnaligned(fromByteOffset: 8 * i, as: SIMD4<Double>.self)
            + aRaw.loadUnaligned(fromByteOffset: 8 * i, as: SIMD4<Double>.self) * s4
        yRaw.storeBytes(of: sum, toByteOffset: 8 * i, as: SIMD4<Double>.self)
        i += 4
    }
    while i < n {
        y[i] += a[i] * s
        i += 1
    }
}

/// `y[i] = x[i] * s` for every i.
@inline(__always)
func scale(_ x: UnsafePointer<Double>, by s: Double, into y: UnsafeMutablePointer<Double>, count n: Int) {
    for i in 0..<n { y[i] = x[i] * s }
}
