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
/// `child.grad += local_grad * v.grad` does. (Swift never fuses the multiply into the add: each
/// result is rounded twice, as in Python.)
@inline(__always)
func accumulate(_ y: UnsafeMutablePointer<Double>, _ a: UnsafePointer<Double>, times s: Double, count n: Int) {
    withUnsafePointer(to: s) { accumulate(y, width: n, terms: 1, first: a, step: 0, scalars: $0, scalarStep: 0, fromZero: false) }
}

/// `y[i] += a_k[i] * s_k` for k = 0, 1, ..., terms - 1 in turn, where `a_k = first + k * step` and
/// `s_k = scalars[k * scalarStep]` (steps may be negative): every entry adds its products one by
/// one in the order given, as Python's `sum` and `backward()` do. Entries are independent, so they
/// are kept in registers 16 at a time while all the terms go by. `fromZero`: start from 0, not `y`.
@inline(__always)
func accumulate(_ y: UnsafeMutablePointer<Double>, width n: Int, terms: Int, first: UnsafePointer<Double>, step: Int,
                scalars: UnsafePointer<Double>, scalarStep: Int, fromZero: Bool) {
    var i = 0
    while i + 16 <= n {
        var y0 = fromZero ? .zero : load8(y + i), y1 = fromZero ? .zero : load8(y + i + 8)
        var a = first + i, s = scalars
        for _ in 0..<terms {
            let k = SIMD8(repeating: s.pointee)
            y0 = y0 + load8(a) * k
            y1 = y1 + load8(a + 8) * k
            a += step
            s += scalarStep
        }
        store8(y0, y + i)
        store8(y1, y + i + 8)
        i += 16
    }
    while i + 4 <= n {
        var y0 = fromZero ? .zero : load4(y + i)
        var a = first + i, s = scalars
        for _ in 0..<terms {
            y0 = y0 + load4(a) * SIMD4(repeating: s.pointee)
            a += step
            s += scalarStep
        }
        store4(y0, y + i)
        i += 4
    }
    while i < n {
        var y0 = fromZero ? 0 : y[i]
        var a = first + i, s = scalars
        for _ in 0..<terms {
            y0 = y0 + a.pointee * s.pointee
            a += step
            s += scalarStep
        }
        y[i] = y0
        i += 1
    }
}

/// `m[r][i] += x[i] * s[r]` for every row r and entry i of a row-major `rows` x `n` matrix: each
/// weight's one share of a step, `local_grad * v.grad` with `x` as the local gradient. `x` stays
/// in registers, 16 entries at a time, while the rows go by.
@inline(__always)
func addOuterProduct(into m: UnsafeMutablePointer<Double>, rows: Int, columns n: Int,
                     x: UnsafePointer<Double>, scalars s: UnsafePointer<Double>) {
    var i = 0
    while i + 16 <= n {
        let x0 = load8(x + i), x1 = load8(x + i + 8)
        for r in 0..<rows {
            let k = SIMD8(repeating: s[r]), row = m + r * n + i
            store8(load8(row) + x0 * k, row)
            store8(load8(row + 8) + x1 * k, row + 8)
        }
        i += 16
    }
    while i + 4 <= n {
        let x0 = load4(x + i)
        for r in 0..<rows {
            let row = m + r * n + i
            store4(load4(row) + x0 * SIMD4(repeating: s[r]), row)
        }
        i += 4
    }
    while i < n {
        for r in 0..<rows { m[r * n + i] += x[i] * s[r] }
        i += 1
    }
}

/// `y[i] = x[i] * s` for every i.
@inline(__always)
func scale(_ x: UnsafePointer<Double>, by s: Double, into y: UnsafeMutablePointer<Double>, count n: Int) {
    for i in 0..<n { y[i] = x[i] * s }
}

@inline(__always) private func load8(_ p: UnsafePointer<Double>) -> SIMD8<Double> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Double>.self)
}
@inline(__always) private func load8(_ p: UnsafeMutablePointer<Double>) -> SIMD8<Double> { load8(UnsafePointer(p)) }
@inline(__always) private func store8(_ v: SIMD8<Double>, _ p: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Double>.self)
}
@inline(__always) private func load4(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
}
@inline(__always) private func load4(_ p: UnsafeMutablePointer<Double>) -> SIMD4<Double> { load4(UnsafePointer(p)) }
@inline(__always) private func store4(_ v: SIMD4<Double>, _ p: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Double>.self)
}
