import Testing
@testable import MicroGPT

@Test func dotProductOfTheFoundationsExample() {
    #expect(dot([1, 2, 3], [4, 0, -1]) == 1)
}

@Test func softmaxSumsToOneAndKeepsOrder() {
    let p = softmax([2.3, -1.1, 0.4])
    #expect(abs(p.reduce(0, +) - 1) < 1e-12)
    #expect(p[0] > p[2] && p[2] > p[1])
}
