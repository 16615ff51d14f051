import Model

extension FuzzHarness {
    /// The line that separates a contract from a snapshot in one fuzz input: `#### <file name>` on a line of its own.
    public static let snapshotSeparator: [UInt8] = Array("\n#### ".utf8)

    /// Loads a contract and then a snapshot checked against it, as `ContentLoader` does for one project.
    ///
    /// The input is `contract.yml`, a line `#### <YYYY-MM-DD>.csv`, then the CSV; without that
    /// line all of it is the CSV, checked against the contract of the minimal fixture exported on
    /// 2025-04-03. When the contract or the file name is rejected the snapshot is still loaded,
    /// against the fixture contract and that day, so that mutations keep reaching the CSV.
    /// Checked: diagnostics point inside the CSV; a rejected snapshot logged an error; an accepted
    /// one has no errors, one row per record after the header, every value finite and equal to
    /// `Double(String)` of its field, `n` finite and ≥ 0, declared metrics and segments, no period
    /// after the export day and no repeated (period, metric, segment).
    public static func snapshotWithContract(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        let input = bytes(data, size)
        var csv = input
        var fileName = "2025-04-03.csv"
        var expectations = fixtureExpectations
        if let cut = firstRange(of: snapshotSeparator, in: input) {
            let afterSeparator = input[cut.upperBound...]
            let nameEnd = afterSeparator.firstIndex(of: 0x0A) ?? input.endIndex
            fileName = String(decoding: input[cut.upperBound..<nameEnd], as: UTF8.self)
            csv = nameEnd < input.endIndex ? Array(input[(nameEnd + 1)...]) : []
            let contractLog = DiagnosticLog()
            if let text = TextFile.decode(Array(input[..<cut.lowerBound]), path: "contract.yml", log: contractLog),
               let root = YAMLValue.parse(text, path: "contract.yml", log: contractLog),
               let (contract, segments) = ContractLoader.load(root) {
                expectations = .init(metrics: Set(contract.metrics.map(\.id)), segments: segments)
            }
        }

        let path = "content/projects/demo/snapshots/" + fileName
        let log = DiagnosticLog()
        var exported = Day(year: 2025, month: 4, day: 3)
        if let day = SnapshotLoader.exportDay(fileName, path: path, log: log) {
            exported = day
        } else {
            requireReported(log, "SnapshotLoader.exportDay")
        }
        let nameErrors = log.errorCount
        let snapshot = SnapshotLoader.load(csv, exported: exported, path: path, expecting: expectations, log: log)
        checkDiagnostics(log.items, path: path, extent: TextExtent(csv))
        for diagnostic in log.items.dropFirst(nameErrors) {
            require(diagnostic.line >= 1 && diagnostic.column >= 1, "CSV diagnostic without a position: \(diagnostic)")
        }
        // A problem repeated on many rows: the first `listed` one by one, then one error that counts the rest.
        let rowCodes: Set = ["ragged-row", "bad-date", "period-out-of-range", "unknown-metric", "unknown-segment", "bad-number",
                             "duplicate-key"]
        for (code, items) in Dictionary(grouping: log.items.dropFirst(nameErrors).filter { rowCodes.contains($0.code) }, by: \.code) {
            let listed = SnapshotLoader.RowProblems.listed
            require(items.count <= listed + 1, "\(items.count) '\(code)' errors, more than \(listed) and a count")
            // The count is the only one of these messages that starts with a digit.
            func isCount(_ diagnostic: Diagnostic) -> Bool { diagnostic.message.first?.isASCII == true && diagnostic.message.first!.isNumber }
            require(!items.dropLast().contains(where: isCount), "a count before the last '\(code)' error")
            if items.count == listed + 1 {
                require(isCount(items.last!) && items.last!.line >= items[listed - 1].line,
                        "the last '\(code)' error does not count the rest: \(items.last!)")
            }
        }
        guard let snapshot else {
            require(log.errorCount > nameErrors, "SnapshotLoader.load returned nil without logging an error")
            return
        }
        require(log.errorCount == nameErrors, "SnapshotLoader.load returned a snapshot and logged errors: \(log.items)")
        checkSnapshot(snapshot, csv: csv, expectations: expectations)
    }

    /// The rows of an accepted snapshot against the expectations and against `ReferenceCSV`'s reading of the file.
    private static func checkSnapshot(_ snapshot: Snapshot, csv: [UInt8], expectations: SnapshotLoader.Expectations) {
        let reference = ReferenceCSV(csv)
        require(reference.failure == nil, "a snapshot was accepted from CSV with a syntax error: \(reference.failure!)")
        require(snapshot.rows.count == reference.records.count - 1,
                "\(snapshot.rows.count) rows from \(reference.records.count - 1) records after the header")
        guard let header = reference.records.first else { return }
        let names = header.fields.map { String(decoding: $0.content, as: UTF8.self).trimmingSpaces().lowercased() }
        guard let valueColumn = names.firstIndex(of: "value") else { violation("accepted without a value column") }
        let nColumn = names.firstIndex(of: "n")

        var keys = Set<String>()
        for (row, record) in zip(snapshot.rows, reference.records.dropFirst()) {
            let place = "row on line \(row.line)"
            require(row.line == record.line, "\(place): the record starts on line \(record.line)")
            require(row.value.isFinite, "\(place): value \(row.value)")
            let valueText = record.fields[valueColumn].content
            require(matchesNumberGrammar(valueText) && Double(String(decoding: valueText, as: UTF8.self)) == row.value,
                    "\(place): value \(row.value) from '\(String(decoding: valueText, as: UTF8.self))'")
            if let n = row.n {
                require(n.isFinite && n >= 0, "\(place): n \(n)")
                require(nColumn != nil, "\(place): n without an n column")
            }
            require(expectations.metrics.contains(row.metric), "\(place): undeclared metric '\(row.metric)'")
            require(expectations.segments.contains(row.segment), "\(place): unknown segment '\(row.segment)'")
            let after = switch row.period {
            case .month(let month): month.firstDay > snapshot.exported
            case .day(let day): day > snapshot.exported
            }
            require(!after, "\(place): period \(row.period) after the export day \(snapshot.exported)")
            require(keys.insert("\(row.period)|\(row.metric)|\(row.segment)").inserted, "\(place): repeated key")
        }
    }

    /// The metrics and segments of the minimal fixture's contract.
    private static let fixtureExpectations = SnapshotLoader.Expectations(
        metrics: ["handle_time", "calls", "latency_p95", "active_agents", "model_cost"],
        segments: ["all", "pilot", "rest"])

    /// The first occurrence of `needle` in `haystack`.
    private static func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return start..<(start + needle.count) }
        }
        return nil
    }
}
