/// Where a project stands against its original target (SPEC §4.4).
public enum Status: String, Hashable, Sendable, CaseIterable, Codable {
    case onTrack = "on-track"
    case improving
    case flat
    case wrongWay = "wrong-way"
    case tooEarly = "too-early"

    /// The exact words of SPEC §4.4, used on every page.
    public var words: String {
        switch self {
        case .onTrack: return "on track"
        case .improving: return "improving, short of target"
        case .flat: return "flat / inconclusive"
        case .wrongWay: return "moving the wrong way"
        case .tooEarly: return "too early"
        }
    }

    /// The status of an oriented interval (improvement positive) against an oriented target τ.
    public static func judge(orientedEstimate: Double, orientedLow: Double, orientedHigh: Double, orientedTarget: Double) -> Status {
        if orientedLow > 0 { return orientedEstimate >= orientedTarget ? .onTrack : .improving }
        if orientedHigh < 0 { return .wrongWay }
        return .flat
    }
}
