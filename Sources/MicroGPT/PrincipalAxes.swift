/// Principal component analysis, small and deterministic: the directions along which a set of
/// rows varies most, found by Jacobi rotations of a symmetric matrix (no random start, no
/// library), so the same rows always give the same axes, bit for bit.
public struct PrincipalAxes: Sendable, Hashable {
    /// What was subtracted from every row before fitting (zeros when fitted about the origin).
    public let mean: [Double]
    /// Unit vectors, most variance first.
    public let axes: [[Double]]
    /// The mean square of the rows' coordinates along each axis.
    public let variances: [Double]
    /// The mean square distance of the rows from `mean`: the variance all axes together share.
    public let totalVariance: Double

    /// The `count` leading axes of `rows` (all of one width). `centered` subtracts the rows' mean
    /// first (ordinary PCA); without it the axes describe the rows about the origin, as dot
    /// products see them. Each axis points so that the row farthest along it has a positive
    /// coordinate (the first such row when several tie).
    public init(fitting rows: [[Double]], count: Int, centered: Bool = true) {
        let width = rows.first?.count ?? 0
        let n = rows.count
        var mean = [Double](repeating: 0, count: width)
        if centered, n > 0 {
            for row in rows { for j in 0..<width { mean[j] += row[j] } }
            for j in 0..<width { mean[j] /= Double(n) }
        }
        let shifted = rows.map { row in (0..<width).map { row[$0] - mean[$0] } }
        self.mean = mean
        totalVariance = n == 0 ? 0 : shifted.reduce(0) { $0 + dot($1, $1) } / Double(n)
        let k = max(0, min(count, width, n))
        var axes: [[Double]] = [], variances: [Double] = []
        if width <= n {
            // The width × width scatter matrix: its eigenvectors are the axes.
            var scatter = [[Double]](repeating: [Double](repeating: 0, count: width), count: width)
            for row in shifted { for i in 0..<width { for j in 0..<width { scatter[i][j] += row[i] * row[j] } } }
            let (values, vectors) = symmetricEigen(scatter)
            for i in 0..<k { axes.append(vectors[i]); variances.append(values[i] / Double(n)) }
        } else {
            // Fewer rows than numbers per row (a training path through thousands of weights): the
            // n × n Gram matrix has the same non-zero eigenvalues, and Xᵀu/√λ is the axis.
            let gram = shifted.map { a in shifted.map { b in dot(a, b) } }
            let (values, vectors) = symmetricEigen(gram)
            for i in 0..<k {
                var axis = [Double](repeating: 0, count: width)
                for (r, row) in shifted.enumerated() { for j in 0..<width { axis[j] += vectors[i][r] * row[j] } }
                let length = dot(axis, axis).squareRoot()
                axes.append(length > 0 ? axis.map { $0 / length } : axis)
                variances.append(values[i] / Double(n))
            }
        }
        // The sign convention: the row with the largest coordinate in size reads positive.
        for i in axes.indices {
            var largest = 0.0
            for row in shifted {
                let c = dot(row, axes[i])
                if abs(c) > abs(largest) { largest = c }
            }
            if largest < 0 { axes[i] = axes[i].map { -$0 } }
        }
        self.axes = axes
        self.variances = variances
    }

    /// The share of the total variance each axis explains (0 to 1).
    public var shares: [Double] { variances.map { totalVariance > 0 ? $0 / totalVariance : 0 } }

    /// `row`'s coordinates along the axes (after subtracting `mean`).
    public func project(_ row: [Double]) -> [Double] {
        let shifted = (0..<mean.count).map { row[$0] - mean[$0] }
        return axes.map { dot(shifted, $0) }
    }
}

/// The eigenvalues of the symmetric matrix `a`, largest first, with their unit eigenvectors, by
/// cyclic Jacobi rotations until the off-diagonal part is negligible.
func symmetricEigen(_ matrix: [[Double]]) -> (values: [Double], vectors: [[Double]]) {
    var a = matrix
    let n = a.count
    var v = (0..<n).map { i in (0..<n).map { j in i == j ? 1.0 : 0.0 } }
    let scale = a.reduce(0) { $0 + $1.reduce(0) { $0 + $1 * $1 } }
    for _ in 0..<100 {
        var off = 0.0
        for i in 0..<n { for j in 0..<n where i != j { off += a[i][j] * a[i][j] } }
        if off <= scale * 1e-30 { break }
        for p in 0..<n {
            for q in (p + 1)..<max(n, p + 1) where a[p][q] != 0 {
                // The rotation that zeroes a[p][q] (Numerical Recipes' stable form).
                let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                let c = 1 / (t * t + 1).squareRoot(), s = t * c
                for k in 0..<n {
                    let akp = a[k][p], akq = a[k][q]
                    a[k][p] = c * akp - s * akq
                    a[k][q] = s * akp + c * akq
                }
                for k in 0..<n {
                    let apk = a[p][k], aqk = a[q][k]
                    a[p][k] = c * apk - s * aqk
                    a[q][k] = s * apk + c * aqk
                }
                for k in 0..<n {
                    let vkp = v[k][p], vkq = v[k][q]
                    v[k][p] = c * vkp - s * vkq
                    v[k][q] = s * vkp + c * vkq
                }
            }
        }
    }
    let diagonal: [Double] = (0..<n).map { a[$0][$0] }
    let order = (0..<n).sorted { (i: Int, j: Int) -> Bool in
        diagonal[i] > diagonal[j] || (diagonal[i] == diagonal[j] && i < j)
    }
    let vectors: [[Double]] = order.map { (i: Int) -> [Double] in (0..<n).map { (k: Int) -> Double in v[k][i] } }
    return (order.map { diagonal[$0] }, vectors)
}
