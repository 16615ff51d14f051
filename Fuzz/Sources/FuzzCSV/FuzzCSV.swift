import LoadingHarness

/// libFuzzer's entry point: one input, read as CSV and compared with the reference reader. libFuzzer supplies `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzHarness.csv(data, size)
    return 0
}
