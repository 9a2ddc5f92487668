import Testing
@testable import MicroGPT

/// Expected values printed by CPython 3 (`random.seed(n)` then the call shown).
struct RandomTests {
    @Test func randomMatchesCPython() {
        let r = Random(seed: 42)
        #expect(r.random() == 0.6394267984578837)
        #expect(r.random() == 0.025010755222666936)
        let seven = Random(seed: 7)
        #expect([seven.random(), seven.random(), seven.random()] == [0.32383276483316237, 0.15084917392450192, 0.6509344730398537])
    }

    @Test func gaussKeepsItsSecondValueLikeCPython() {
        let r = Random(seed: 42)
        #expect([r.gauss(0, 1), r.gauss(0, 1), r.gauss(0, 1)] == [-0.14409032957792836, -0.1729036003315193, -0.11131586156766246])
        let seven = Random(seed: 7)
        #expect([seven.gauss(0, 0.08), seven.gauss(0, 0.08), seven.gauss(0, 0.08)] == [-0.020470423075808035, 0.04091452100132112, -0.018087693182648377])
    }

    @Test func shuffleAndChoicesMatchCPython() {
        let r = Random(seed: 42)
        var xs = Array(0..<10)
        r.shuffle(&xs)
        #expect(xs == [7, 3, 2, 8, 5, 6, 9, 4, 0, 1])
        let c = Random(seed: 42)
        let drawn = (0..<12).map { _ in c.choices(weights: [0.1, 0.2, 0.3, 0.2, 0.2]) }
        #expect(drawn == [3, 0, 1, 1, 3, 3, 4, 0, 2, 0, 1, 2])
    }

    @Test func largeNegativeAndZeroSeedsAndGetrandbits() {
        let big = Random(seed: (1 << 40) + 7)
        #expect(big.random() == 0.6137037779936511)
        #expect(big.getrandbits(40) == 1034292189877)
        #expect(big.getrandbits(7) == 120)
        #expect(Random(seed: -5).random() == 0.6229016948897019)
        #expect(Random(seed: 0).random() == 0.8444218515250481)
    }

    @Test func aCopyDrawsTheSameNumbers() {
        let r = Random(seed: 3)
        _ = r.gauss(0, 1)
        let copy = r.copy()
        #expect((0..<5).map { _ in r.gauss(0, 1) } == (0..<5).map { _ in copy.gauss(0, 1) })
    }
}
