/// The fields of the record being read: a growable buffer that the reader reuses for every record.
///
/// A plain pointer rather than an array so that appending costs no uniqueness or bounds checks;
/// the reader deallocates it when it is done.
struct CSVFieldList {
    /// The first field.
    private(set) var base: UnsafeMutablePointer<CSVField>
    /// How many fields fit before the buffer must grow.
    private var capacity: Int
    /// How many fields the current record has so far.
    var count = 0

    init() {
        capacity = 16
        base = .allocate(capacity: capacity)
    }

    /// Adds a field to the current record.
    @inline(__always)
    mutating func append(_ field: CSVField) {
        if count == capacity { grow() }
        (base + count).initialize(to: field)
        count &+= 1
    }

    /// Frees the buffer; the list must not be used afterwards.
    func deallocate() {
        base.deallocate()
    }

    /// Doubles the capacity, keeping the fields.
    private mutating func grow() {
        let grown = UnsafeMutablePointer<CSVField>.allocate(capacity: capacity * 2)
        grown.moveInitialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity *= 2
    }
}
