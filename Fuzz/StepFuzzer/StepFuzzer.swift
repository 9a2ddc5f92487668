import StepFuzzing
import MicroGPTSteps

/// libFuzzer's entry: each input is a step (first byte even) or a chapter (odd), see `FuzzHarness`.
/// Built and run by `scripts/fuzz`; any crash, hang or leak past the limits is a finding.
nonisolated(unsafe) private let harness = FuzzHarness(binding: MicroGPTBinding())

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    harness.run(Array(UnsafeRawBufferPointer(start: start, count: count)))
    return 0
}
