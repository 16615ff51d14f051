/// "Did you mean …?" for misspelt keys, metric ids and column names.
enum Suggestion {
    /// The closest candidate within a small edit distance, if any; the first of those closest on a tie.
    ///
    /// The distance is at least the difference in length, so a candidate whose length alone is too far
    /// from the word's is skipped without building the table: a field of a megabyte that names no metric
    /// costs a count of its characters, not a table of a million rows per declared metric.
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        guard !word.isEmpty else { return nil }
        let length = word.count
        let limit = max(1, length / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            // Only a distance below the best so far can replace it.
            let reach = min(limit, (best?.distance ?? .max) - 1)
            guard abs(candidate.count - length) <= reach else { continue }
            let distance = editDistance(word, candidate)
            if distance <= limit, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// ` (did you mean 'x'?)` or an empty string.
    static func hint(for word: String, in candidates: some Sequence<String>) -> String {
        closest(to: word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Edit distance over characters where swapping two neighbours counts as one edit (`vlaue` → `value`).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
