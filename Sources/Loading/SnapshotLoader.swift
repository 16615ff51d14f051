import Model

/// Reads a snapshot CSV and checks every row against the contract.
enum SnapshotLoader {
    static let columns = ["period", "metric", "segment", "value", "n"]

    /// What a snapshot's rows are checked against.
    struct Expectations {
        /// Declared metric ids.
        var metrics: Set<String>
        /// Known segment names (`all` included).
        var segments: Set<String>
    }

    /// The export day from a file name `<YYYY-MM-DD>.csv`, or nil (logged).
    static func exportDay(_ fileName: String, path: String, log: DiagnosticLog) -> Day? {
        guard fileName.hasSuffix(".csv"), let day = Day(fileName.dropLast(4)) else {
            log.error("bad-file-name", "name a snapshot after the day it was exported, '<YYYY-MM-DD>.csv' with a real date",
                      at: SourceLocation(path: path))
            return nil
        }
        return day
    }

    /// The snapshot in `bytes`, or nil (logged) when any row is wrong: a half-read snapshot would give wrong numbers.
    static func load(_ bytes: [UInt8], exported: Day, path: String, expecting: Expectations, log: DiagnosticLog) -> Snapshot? {
        load(exported: exported, path: path, expecting: expecting, log: log) { body in
            try CSVReader.forEachRecord(in: bytes, body)
        }
    }

    /// The snapshot in `file`, read piece by piece so that memory grows with its rows' keys and not with its bytes;
    /// nil (logged) when any row is wrong or the file cannot be read.
    static func load(_ file: InputFile, exported: Day, path: String, expecting: Expectations, log: DiagnosticLog) -> Snapshot? {
        load(exported: exported, path: path, expecting: expecting, log: log) { body in
            try CSVReader.forEachRecord(reading: { buffer in try file.fill(buffer) }, body)
        }
    }

    /// Checks and stores every record that `records` passes to its argument.
    private static func load(
        exported: Day, path: String, expecting: Expectations, log: DiagnosticLog,
        records: ((borrowing CSVRecord) throws -> Void) throws -> Void
    ) -> Snapshot? {
        let errors = log.errorCount
        let sortedMetrics = expecting.metrics.sorted(), sortedSegments = expecting.segments.sorted()
        func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(path: path, line: line, column: column) }
        guard sortedMetrics.count <= SnapshotKey.metricLimit, sortedSegments.count <= SnapshotKey.segmentLimit else {
            log.error("wrong-value", "too many names: the contract declares more than \(SnapshotKey.metricLimit) metrics or \(SnapshotKey.segmentLimit) segments",
                      at: SourceLocation(path: path))
            return nil
        }
        let metricIDs = Dictionary(uniqueKeysWithValues: sortedMetrics.enumerated().map { ($1, $0) })
        let segmentIDs = Dictionary(uniqueKeysWithValues: sortedSegments.enumerated().map { ($1, $0) })
        var rows = SnapshotRows(metrics: sortedMetrics, segments: sortedSegments)
        var index: [Int] = []  // column positions of period, metric, segment, value, n (-1 = absent)
        var fieldCount = 0
        var seen = SnapshotKeyIndex()
        // Rows naming an undeclared metric or segment are errors already, but still count for duplicates.
        var seenUndeclared: [RowKey: Int] = [:]
        var problems = RowProblems(log: log)

        do {
            try records { record in
                if index.isEmpty {
                    index = header(record, path: path, log: log)
                    if index.isEmpty { throw StopReading() }
                    fieldCount = index.filter { $0 >= 0 }.count
                    return
                }
                let line = record.line
                guard record.count == fieldCount else {
                    problems.error("ragged-row", "expected \(fieldCount) fields as in the header, found \(record.count)", at: at(line, 1))
                    return
                }
                if let bad = (0..<record.count).first(where: { !record.isText(at: $0) }) {
                    problems.error("invalid-utf8", "this field is not valid UTF-8 text; export the file as UTF-8",
                                   at: at(record.line(of: bad), record.column(of: bad)))
                    return
                }
                let (p, m, s, v, n) = (index[0], index[1], index[2], index[3], index[4])
                guard let periodText = record.string(at: p), let period = Period(periodText) else {
                    problems.error("bad-date", "period '\(record.string(at: p) ?? "")' should be a month YYYY-MM or a day YYYY-MM-DD that exists",
                                   at: at(record.line(of: p), record.column(of: p)))
                    return
                }
                let future = switch period {
                case .month(let month): month.firstDay > exported
                case .day(let day): day > exported
                }
                if future {
                    problems.error("period-out-of-range", "period \(period) is after the export day \(exported): a snapshot cannot report the future",
                                   at: at(record.line(of: p), record.column(of: p)))
                }
                let metric = record.string(at: m) ?? ""
                let metricID = metricIDs[metric]
                if metricID == nil {
                    problems.error("unknown-metric", "unknown metric '\(metric)': declare it under 'metrics' in contract.yml\(Suggestion.hint(for: metric, in: sortedMetrics))",
                                   at: at(record.line(of: m), record.column(of: m)))
                }
                let segment = record.isEmpty(at: s) ? "all" : record.string(at: s) ?? ""
                let segmentID = segmentIDs[segment]
                if segmentID == nil {
                    problems.error("unknown-segment", "unknown segment '\(segment)': name it in the contract's attribution or 'segments'\(Suggestion.hint(for: segment, in: sortedSegments))",
                                   at: at(record.line(of: s), record.column(of: s)))
                }
                guard let value = record.double(at: v), value.isFinite else {
                    let text = record.string(at: v) ?? ""
                    problems.error("bad-number", text.isEmpty ? "value is empty; every row needs a number"
                                   : "value '\(text)' is not a finite number" + numberHint(text),
                                   at: at(record.line(of: v), record.column(of: v)))
                    return
                }
                var weight: Double?
                if n >= 0, !record.isEmpty(at: n) {
                    guard let parsed = record.double(at: n), parsed.isFinite, parsed >= 0 else {
                        problems.error("bad-number", "n '\(record.string(at: n) ?? "")' should be a finite number ≥ 0 or empty" + numberHint(record.string(at: n) ?? ""), at: at(record.line(of: n), record.column(of: n)))
                        return
                    }
                    weight = parsed
                }
                let first: Int?
                if let metricID, let segmentID {
                    let key = SnapshotKey(period: period, metric: metricID, segment: segmentID)
                    first = seen.firstRow(with: key, addingRow: rows.count, keys: { $0 == rows.count ? key : rows.key(at: $0) })
                        .map { rows.line(at: $0) }
                    if first == nil { rows.append(key: key, value: value, n: weight, line: line) }
                } else {
                    let key = RowKey(period: period, metric: metric, segment: segment)
                    first = seenUndeclared[key]
                    if first == nil { seenUndeclared[key] = line }
                }
                if let first {
                    problems.error("duplicate-key", "duplicate row for \(period), \(metric), \(segment): line \(first) has it already; a correction belongs in a later snapshot",
                                   at: at(line, 1))
                }
            }
        } catch let error as CSVSyntaxError {
            log.error("csv-syntax", error.message, at: at(error.line, error.column))
        } catch let error as InputFile.ReadError {
            log.error("missing-file", "the snapshot could not be read to its end: \(error.message)", at: SourceLocation(path: path))
        } catch {
            // StopReading: the header was wrong and has been reported.
        }
        problems.summarize()
        if index.isEmpty, log.errorCount == errors {
            log.error("empty-file", "the snapshot is empty; expected the header 'period,metric,segment,value' and rows", at: at(1, 1))
        }
        return log.errorCount == errors ? Snapshot(exported: exported, path: path, rows: rows) : nil
    }

    private struct StopReading: Error {}

    /// What a spreadsheet's number format probably did to `text`: a decimal comma or thousands separators (the
    /// text is a number once they are taken out), or a unit or currency sign beside the number.
    static func numberHint(_ text: String) -> String {
        // A number too large, or NaN and infinity spelt out, is a number: no format went wrong.
        guard Double(text.trimmingSpaces()) == nil else { return "" }
        let separators: Set<Character> = [",", " ", "'", "\u{A0}", "\u{202F}"]
        let stripped = text.trimmingSpaces().filter { !separators.contains($0) }
        var body = Substring(stripped)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let numeric = (1...2).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        if numeric, stripped.count < text.trimmingSpaces().count {
            return "; write numbers with a point for decimals and no thousands separators (7.53, 1234.5)"
        }
        if text.contains(where: { $0.isASCII && $0.isNumber }), text.contains(where: { $0.isLetter || $0.isCurrencySymbol || $0 == "%" }) {
            return "; write the number alone, without a unit, currency or percent sign (the contract's metric has the unit)"
        }
        return ""
    }

    /// The errors of a snapshot's rows: the first `listed` of each code are logged one by one, the rest counted and
    /// reported in one error at the end. One metric misnamed in a 200,000-row export was 400,000 lines of output
    /// and 22 s of `check`, with a did-you-mean worked out for every row; now it is a dozen lines. A message is
    /// only built for a row that is listed.
    struct RowProblems {
        static let listed = 5
        let log: DiagnosticLog
        /// Per code, in order of first appearance: rows not listed, where the first of them is, the last one's line.
        private var unlisted: [(code: String, count: Int, first: SourceLocation, lastLine: Int)] = []
        private var counts: [String: Int] = [:]

        init(log: DiagnosticLog) { self.log = log }

        mutating func error(_ code: String, _ message: @autoclosure () -> String, at location: SourceLocation) {
            let count = counts[code, default: 0] + 1
            counts[code] = count
            if count <= Self.listed {
                log.error(code, message(), at: location)
            } else if let index = unlisted.firstIndex(where: { $0.code == code }) {
                unlisted[index].count += 1
                unlisted[index].lastLine = location.line
            } else {
                unlisted.append((code, 1, location, location.line))
            }
        }

        /// Logs one error per code that had rows beyond the listed ones, at the first of them.
        mutating func summarize() {
            for (code, count, first, lastLine) in unlisted {
                let rows = count == 1 ? "1 more row has" : "\(count) more rows have"
                log.error(code, "\(rows) this problem (\(code)), from this line to line \(lastLine); the first \(Self.listed) are reported one by one",
                          at: first)
            }
            unlisted = []
        }
    }

    private struct RowKey: Hashable {
        var period: Period
        var metric: String
        var segment: String
    }

    /// The positions of the known columns, or empty (logged) when the header is wrong.
    private static func header(_ record: CSVRecord, path: String, log: DiagnosticLog) -> [Int] {
        var index = [Int](repeating: -1, count: columns.count)
        var ok = true
        for field in 0..<record.count {
            let location = SourceLocation(path: path, line: record.line(of: field), column: record.column(of: field))
            guard let text = record.string(at: field) else {
                log.error("invalid-utf8", "this header field is not valid UTF-8 text; export the file as UTF-8", at: location)
                ok = false
                continue
            }
            let name = text.trimmingSpaces().lowercased()
            // A whole header in one field, split by another separator: a spreadsheet's export with ';' or tabs.
            if record.count == 1, let separator = [";", "\t", "|"].first(where: { name.contains($0) }),
               name.split(separator: Character(separator)).contains(where: { columns.contains(String($0).trimmingSpaces()) }) {
                let shown = separator == "\t" ? "tabs" : "'\(separator)'"
                log.error("unknown-column", "the header's fields are separated by \(shown), not commas; export the file as CSV with commas "
                          + "(period,metric,segment,value[,n])", at: location)
                return []
            }
            guard let position = columns.firstIndex(of: name) else {
                log.error("unknown-column", "unknown column '\(name)'\(Suggestion.hint(for: name, in: columns)); the header is period,metric,segment,value[,n]",
                          at: location)
                ok = false
                continue
            }
            if index[position] >= 0 {
                log.error("duplicate-column", "column '\(name)' appears twice in the header", at: location)
                ok = false
            }
            index[position] = field
        }
        for (position, name) in columns.enumerated().dropLast() where index[position] < 0 && ok {
            log.error("missing-column", "the header lacks the column '\(name)'; it must be period,metric,segment,value[,n]",
                      at: SourceLocation(path: path, line: record.line, column: 1))
            ok = false
        }
        return ok ? index : []
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars = scalars.dropFirst() }
        while scalars.last == " " { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
