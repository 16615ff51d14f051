import LoadingHarness

/// libFuzzer's entry point: one input, parsed as YAML and decoded as a contract, settings, events and editions. libFuzzer supplies `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzHarness.contractYAML(data, size)
    return 0
}
