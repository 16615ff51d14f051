/// Totals from one pass over the file, printed so the optimizer cannot drop the work.
struct Pass {
    /// Data rows read, header excluded.
    var rows = 0
    /// The sum of the values read, as a checksum.
    var sum = 0.0
    /// Rows whose value column was not a finite number.
    var rejected = 0
}
