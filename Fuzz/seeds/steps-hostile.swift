var xs: [Int] = []
xs += [0x1F, 0b101, 0o17, 1_000]
let o = xs.first
print(o ?? 0, o == 31, xs.max())
let s = "n = \(xs.count) \(xs.map { $0 * 2 })"
var t = 0.0
for (i, x) in xs.enumerated() { t += Double(i * x) }
let f = { (x: Double) in x * t }
let g = Graph()
let v = Value(f(2), label: "v", in: g)
let w = (v * v + v).pow(2)
w.backward()
print(s, rounded(v.grad, places: 3), Random(seed: 3).randbelow(7))
[[1, 2], [3]].map { $0.count }
