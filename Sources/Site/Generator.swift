/// The generator's name and version, recorded in manifests and editions.
public enum Generator {
    /// The version of this build of Yardstick.
    public static let version = "0.1.0"
    /// `yardstick <version>`.
    public static let name = "yardstick " + version
}
