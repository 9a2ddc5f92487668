/// microgpt.py's `loss.backward()` laid out by the model's structure instead of walked over a graph.
///
/// Python adds `local_grad * v.grad` into a child's gradient once per use of the child, in the
/// reverse of the depth-first order in which `backward()` found the uses. Floating-point addition
/// is not associative, so each gradient here adds the same contributions in that same order:
/// - positions last to first (so a parameter or a cached key gets position n-1's share first);
/// - a vector used by a matrix: its rows last to first (lm_head: the target's row comes last,
///   because the walk started from the target's probability);
/// - q, k, v: per head from the last, v's rows, then k's, then q's (at position 0 the walk met
///   each q row with its k row, so they alternate);
/// - the input of an RMSNorm: the residual's share, the normalised output's, then twice `x * x`'s;
/// - an `exp` in a softmax: its weight's share, then the total's.
/// Every gradient starts at 0 and is added to, so it is the same number Python's would be.
extension Network {
    /// Working memory of the backward pass: one position's gradients at a time, and the keys' and
    /// values' gradients of every position (the later positions that read them add to them first).
    final class Scratch {
        let output, input, residual, norm, attended, query: Vector
        let activated, hidden: Vector
        let logits: Vector
        let keys: [Vector], values: [Vector]
        /// Per position of a head: the gradient of its weight's `exp`, of `total ** -1`, of `q·k`.
        let exps, inverses, dots: Vector

        init(config: Config, vocabularySize: Int, arena: Arena) {
            let e = config.embeddingSize
            (output, input, residual, norm, attended, query) = (arena.vector(e), arena.vector(e), arena.vector(e),
                                                                 arena.vector(e), arena.vector(e), arena.vector(e))
            (activated, hidden) = (arena.vector(4 * e), arena.vector(4 * e))
            logits = arena.vector(vocabularySize)
            keys = (0..<config.layerCount).map { _ in arena.vector(config.blockSize * e) }
            values = (0..<config.layerCount).map { _ in arena.vector(config.blockSize * e) }
            (exps, inverses, dots) = (arena.vector(config.blockSize), arena.vector(config.blockSize), arena.vector(config.blockSize))
        }
    }

    /// Adds into `grads` (layout order) the gradient of the mean loss over positions 0..<n of
    /// `tokens`, whose forward pass is in `positions`.
    func backward(tokens: [Int], count n: Int, into grads: UnsafeMutablePointer<Double>) {
        let s = scratch, e = config.embeddingSize
        for l in layers.indices {
            s.keys[l].base.update(repeating: 0, count: n * e)
            s.values[l].base.update(repeating: 0, count: n * e)
        }
        // loss = (1 / n) * sum(losses): every position's loss gets 1/n.
        let gLoss = 0 + (1 / Double(n)) * 1
        for p in stride(from: n - 1, through: 0, by: -1) {
            let r = positions[p]
            backwardOutput(r, target: tokens[p + 1], gLoss: gLoss, into: grads)
            for l in layers.indices.reversed() { backwardLayer(l, position: p, into: grads) }
            // x = rmsnorm(wte[token] + wpe[p]); the sum passes its gradient to both rows (local 1).
            backwardNorm(input: r.embedding, r.norm0, gOutput: s.output, first: nil, into: s.input)
            for j in 0..<e {
                grads[wte.offset + tokens[p] * e + j] += 1 * s.input[j]
                grads[wpe.offset + p * e + j] += 1 * s.input[j]
            }
        }
    }

    /// From this position's loss back to lm_head's input: leaves its gradient in `scratch.output`.
    private func backwardOutput(_ r: PositionRecord, target: Int, gLoss: Double, into grads: UnsafeMutablePointer<Double>) {
        let s = scratch, e = config.embeddingSize
        // loss = log(p) * -1; log(p) has local gradient 1 / p; p = exps[target] * total ** -1.
        let gLog = 0 + -1 * gLoss
        let gProbability = 0 + r.logLocal * gLog
        let gExpTarget = 0 + r.inverse * gProbability
        let gInverse = 0 + r.exps[target] * gProbability
        let gTotal = 0 + r.inverseLocal * gInverse
        for t in 0..<vocabularySize {
            // Each exp reaches the total (local 1); the target's reached the probability first.
            let gExp = (t == target ? gExpTarget : 0) + 1 * gTotal
            // exp(logit - largest): local gradient exp(...), then `- largest` passes it on.
            s.logits[t] = 0 + r.exps[t] * gExp
        }
        // logits = lm_head · output: rows last to first, the target's skipped, then the target's.
        let rows = weights + lmHead.offset, v = vocabularySize
        s.output.zero()
        accumulate(s.output.base, width: e, terms: v - 1 - target, first: rows + (v - 1) * e, step: -e,
                   scalars: s.logits.base + v - 1, scalarStep: -1, fromZero: false)
        accumulate(s.output.base, width: e, terms: target, first: rows + (target - 1) * e, step: -e,
                   scalars: s.logits.base + target - 1, scalarStep: -1, fromZero: false)
        accumulate(s.output.base, rows + target * e, times: s.logits[target], count: e)
        addOuterProduct(into: grads + lmHead.offset, rows: v, columns: e, x: r.output.base, scalars: s.logits.base)
    }

    /// Block `l` at position `p`, from the gradient of its output in `scratch.output` to the
    /// gradient of its input, left in `scratch.output`.
    private func backwardLayer(_ l: Int, position p: Int, into grads: UnsafeMutablePointer<Double>) {
        let s = scratch, a = positions[p].layers[l], w = layers[l]
        let x = l == 0 ? positions[p].norm0.output : positions[p].layers[l - 1].output
        let e = config.embeddingSize, hs = config.headSize
        // output = mlp + residual: the mlp gets the output's gradient as it is (local 1).
        // mlp = mlp_fc2 · activated; activated = relu(hidden); hidden = mlp_fc1 · norm2.
        backwardLinear(w.fc2, input: a.activated, gOutput: s.output, into: s.activated, grads)
        for k in 0..<s.hidden.count { s.hidden[k] = 0 + (a.hidden[k] > 0 ? 1 : 0) * s.activated[k] }
        backwardLinear(w.fc1, input: a.norm2.output, gOutput: s.hidden, into: s.norm, grads)
        // norm2 = rmsnorm(residual); the residual's own way to the output comes first.
        backwardNorm(input: a.residual, a.norm2, gOutput: s.norm, first: s.output, into: s.residual)
        // residual = attention + x; attention = attn_wo · attended.
        backwardLinear(w.output, input: a.attended, gOutput: s.residual, into: s.attended, grads)
        for h in 0..<config.headCount { backwardHead(h, layer: l, position: p) }
        // q, k, v = linear(norm1, ...). Every later position has added to k's and v's gradients by now.
        let gKey = s.keys[l].base + p * e, gValue = s.values[l].base + p * e
        let gNorm = s.norm.base
        s.norm.zero()
        /// Adds the head's rows of `matrix`, last to first, times their gradients.
        func addRows(_ matrix: Matrix, _ gradients: UnsafeMutablePointer<Double>, head h: Int) {
            let last = h * hs + hs - 1
            accumulate(gNorm, width: e, terms: hs, first: weights + matrix.offset + last * e, step: -e,
                       scalars: gradients + last, scalarStep: -1, fromZero: false)
        }
        for h in stride(from: config.headCount - 1, through: 0, by: -1) {
            addRows(w.value, gValue, head: h)
            if p == 0 {
                for r in stride(from: h * hs + hs - 1, through: h * hs, by: -1) {
                    accumulate(gNorm, weights + w.key.offset + r * e, times: gKey[r], count: e)
                    accumulate(gNorm, weights + w.query.offset + r * e, times: s.query[r], count: e)
                }
            } else {
                addRows(w.key, gKey, head: h)
                addRows(w.query, s.query.base, head: h)
            }
        }
        let input = a.norm1.output.base
        addOuterProduct(into: grads + w.query.offset, rows: e, columns: e, x: input, scalars: s.query.base)
        addOuterProduct(into: grads + w.key.offset, rows: e, columns: e, x: input, scalars: gKey)
        addOuterProduct(into: grads + w.value.offset, rows: e, columns: e, x: input, scalars: gValue)
        // norm1 = rmsnorm(x); x's way to the residual comes first.
        backwardNorm(input: x, a.norm1, gOutput: s.norm, first: s.residual, into: s.output)
    }

    /// Head `h` of block `l` at position `p`: from the gradient of its outputs (in
    /// `scratch.attended`) to q's (into `scratch.query`), adding to the cached keys' and values'.
    private func backwardHead(_ h: Int, layer l: Int, position p: Int) {
        let s = scratch, a = positions[p].layers[l], head = a.heads[h], e = config.embeddingSize
        let start = h * config.headSize, end = start + config.headSize
        let keys = keys[l].base, values = values[l].base, gKeys = s.keys[l].base, gValues = s.values[l].base
        for t in 0...p {
            // out[j] = sum(weights[t] * values[t][j] for t): each weight is used by every j of the head.
            var gWeight = 0.0
            for j in stride(from: end - 1, through: start, by: -1) { gWeight += values[t * e + j] * s.attended[j] }
            accumulate(gValues + t * e + start, s.attended.base + start, times: head.weights[t], count: end - start)
            // weights[t] = exps[t] * total ** -1 (a power node of its own per t).
            s.exps[t] = 0 + head.inverse * gWeight
            s.inverses[t] = 0 + head.exps[t] * gWeight
        }
        var gTotal = 0.0
        for t in stride(from: p, through: 0, by: -1) { gTotal += head.inverseLocal * s.inverses[t] }
        for t in 0...p {
            let gExp = s.exps[t] + 1 * gTotal
            // scores[t] = dot * (head_dim ** 0.5) ** -1, then `- largest`, then exp.
            let gScore = 0 + head.exps[t] * gExp
            s.dots[t] = 0 + scoreScale * gScore
        }
        // dot = sum(q[j] * keys[t][j] for j).
        accumulate(s.query.base + start, width: end - start, terms: p + 1, first: keys + p * e + start, step: -e,
                   scalars: s.dots.base + p, scalarStep: -1, fromZero: true)
        for t in 0...p { accumulate(gKeys + t * e + start, a.query.base + start, times: s.dots[t], count: end - start) }
    }

    /// `y = linear(x, w)`: the gradient of `x` into `gInput` (rows last to first) and each weight's
    /// share, `x[j] * gOutput[r]`, into `grads`.
    private func backwardLinear(_ w: Matrix, input x: Vector, gOutput: Vector, into gInput: Vector,
                                _ grads: UnsafeMutablePointer<Double>) {
        accumulate(gInput.base, width: w.columns, terms: w.rows, first: weights + w.offset + (w.rows - 1) * w.columns,
                   step: -w.columns, scalars: gOutput.base + w.rows - 1, scalarStep: -1, fromZero: true)
        addOuterProduct(into: grads + w.offset, rows: w.rows, columns: w.columns, x: x.base, scalars: gOutput.base)
    }

    /// `y = rmsnorm(x)`: the gradient of `x` into `gInput`, after `first` (the share of x's other
    /// use, which the walk reached later and so adds first).
    private func backwardNorm(input x: Vector, _ norm: Norm, gOutput: Vector, first: Vector?, into gInput: Vector) {
        // y[j] = x[j] * scale: scale's gradient, j last to first.
        var gScale = 0.0
        for j in stride(from: x.count - 1, through: 0, by: -1) { gScale += x[j] * gOutput[j] }
        // scale = (squares * len ** -1 + 1e-5) ** -0.5
        let gShifted = 0 + norm.scaleLocal * gScale
        let gSquares = 0 + inverseWidth * (0 + 1 * gShifted)
        for j in 0..<x.count {
            var g = 0.0
            if let first { g += 1 * first[j] }
            g += norm.scale * gOutput[j]
            // squares = sum(x[j] * x[j]): x[j] is both operands.
            g += x[j] * gSquares
            g += x[j] * gSquares
            gInput[j] = g
        }
    }
}
