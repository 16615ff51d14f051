import LoadingHarness

/// libFuzzer's entry point: one input, a contract and a snapshot loaded against it. libFuzzer supplies `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzHarness.snapshotWithContract(data, size)
    return 0
}
