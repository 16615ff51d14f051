/// One tracked AI project: its contract and everything recorded about it.
public struct Project: Hashable, Sendable {
    /// The project id, its folder name.
    public var id: String
    /// The outcome contract.
    public var contract: OutcomeContract
    /// Every snapshot, oldest export first.
    public var snapshots: [Snapshot]
    /// Feedback notes, oldest first.
    public var notes: [FeedbackNote]
    /// Decisions, oldest first.
    public var decisions: [Decision]

    /// Creates a project.
    public init(id: String, contract: OutcomeContract, snapshots: [Snapshot], notes: [FeedbackNote],
                decisions: [Decision]) {
        self.id = id
        self.contract = contract
        self.snapshots = snapshots.sorted { ($0.exported, $0.path) < ($1.exported, $1.path) }
        self.notes = notes.sorted { ($0.date, $0.slug) < ($1.date, $1.slug) }
        self.decisions = decisions.sorted { ($0.date, $0.slug) < ($1.date, $1.slug) }
    }
}
