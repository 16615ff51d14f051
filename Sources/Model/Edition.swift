/// A published edition of one month's report, recorded in `editions.yml` by `yardstick publish`.
public struct Edition: Hashable, Sendable {
    /// The month reported on.
    public var month: Month
    /// The version number, 1 for the first edition of the month.
    public var version: Int
    /// Inputs exported or dated after this day are left out of the edition.
    public var cutoff: Day
    /// The generator that published it, e.g. `yardstick 0.1.0`.
    public var generator: String
    /// SHA-256 of every input file the edition used, by path relative to the content directory.
    public var inputs: [String: String]
    /// Where the edition is recorded in `editions.yml`.
    public var location: SourceLocation

    /// Creates an edition.
    public init(month: Month, version: Int, cutoff: Day, generator: String, inputs: [String: String],
                location: SourceLocation = SourceLocation(path: "editions.yml")) {
        self.month = month
        self.version = version
        self.cutoff = cutoff
        self.generator = generator
        self.inputs = inputs
        self.location = location
    }
}
