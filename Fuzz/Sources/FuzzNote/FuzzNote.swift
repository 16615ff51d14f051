import LoadingHarness

/// libFuzzer's entry point: one input, loaded as a feedback note and as a decision. libFuzzer supplies `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzHarness.note(data, size)
    return 0
}
