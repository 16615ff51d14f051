import LoadingHarness

/// libFuzzer's entry point: one input, decoded as text and split into front matter and body. libFuzzer supplies `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzHarness.frontMatter(data, size)
    return 0
}
