/// One metric a project's snapshots may carry, as declared in the contract.
public struct MetricDefinition: Hashable, Sendable {
    /// The level of the tracking a metric belongs to.
    public enum Layer: String, Hashable, Sendable, CaseIterable {
        case outcome, volume, system, usage, cost
    }

    /// How finer-grained rows become one monthly value.
    public enum Aggregate: String, Hashable, Sendable, CaseIterable {
        case sum, mean, last, min, max
    }

    /// Which way is better.
    public enum Direction: String, Hashable, Sendable, CaseIterable {
        case increase, decrease
    }

    /// The metric id, e.g. `handle_time`.
    public var id: String
    /// The human name, e.g. "Average handle time".
    public var name: String
    /// outcome, volume, system, usage or cost.
    public var layer: Layer
    /// The unit shown beside values, e.g. `min`, `%`, `USD`.
    public var unit: String
    /// Which way is better, when it matters.
    public var direction: Direction?
    /// How rows are combined into a month.
    public var aggregate: Aggregate
    /// The service level objective's lower bound, if any.
    public var sloMin: Double?
    /// The service level objective's upper bound, if any.
    public var sloMax: Double?
    /// Where the metric was declared.
    public var location: SourceLocation

    /// Creates a metric definition.
    public init(id: String, name: String, layer: Layer, unit: String, direction: Direction? = nil,
                aggregate: Aggregate, sloMin: Double? = nil, sloMax: Double? = nil,
                location: SourceLocation = SourceLocation(path: "")) {
        self.id = id
        self.name = name
        self.layer = layer
        self.unit = unit
        self.direction = direction
        self.aggregate = aggregate
        self.sloMin = sloMin
        self.sloMax = sloMax
        self.location = location
    }

    /// Whether an SLO is declared.
    public var hasSLO: Bool { sloMin != nil || sloMax != nil }
}
