@testable import Loading
import Testing

/// "Did you mean …?": the closest declared name within a third of the word's length in edits.
@Suite("Suggestion")
struct SuggestionTests {
    /// The definition the length bound must agree with: every candidate's distance worked out, the first closest kept.
    static func closestByTable(to word: String, in candidates: [String]) -> String? {
        guard !word.isEmpty else { return nil }
        let limit = max(1, word.count / 3)
        let scored = candidates.map { (name: $0, distance: Suggestion.editDistance(word, $0)) }.filter { $0.distance <= limit }
        guard let smallest = scored.map(\.distance).min() else { return nil }
        return scored.first { $0.distance == smallest }?.name
    }

    @Test func typosOfDeclaredNamesAreSuggested() {
        #expect(Suggestion.closest(to: "cals", in: ["handle_time", "calls"]) == "calls")
        #expect(Suggestion.closest(to: "vlaue", in: ["period", "metric", "segment", "value", "n"]) == "value")
        #expect(Suggestion.closest(to: "handle_tiem", in: ["calls", "handle_time"]) == "handle_time")
        #expect(Suggestion.closest(to: "revenue", in: ["calls", "handle_time"]) == nil)
        #expect(Suggestion.closest(to: "", in: ["calls"]) == nil)
    }

    /// Skipping candidates by length changes no answer: random words against random name lists, ties included,
    /// compared with the distance of every candidate.
    @Test func theLengthBoundAgreesWithTheFullTable() {
        var generator = CSVReaderTests.SeededGenerator(seed: 0x5A6_6E57)
        let alphabet = Array("abc_é")
        func word(_ length: Int) -> String {
            String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
        }
        var suggested = 0
        for _ in 0..<3_000 {
            let candidates = (0..<Int.random(in: 0...6, using: &generator)).map { _ in word(Int.random(in: 1...9, using: &generator)) }
            // Half the probes are a candidate with up to three characters replaced, inserted or removed.
            var letters = Array(candidates.randomElement(using: &generator) ?? word(5))
            if Bool.random(using: &generator) {
                letters = Array(word(Int.random(in: 1...12, using: &generator)))
            } else {
                for _ in 0..<Int.random(in: 0...3, using: &generator) {
                    let at = Int.random(in: 0...letters.count, using: &generator)
                    switch Int.random(in: 0..<3, using: &generator) {
                    case 0 where at < letters.count: letters[at] = alphabet.randomElement(using: &generator)!
                    case 1: letters.insert(alphabet.randomElement(using: &generator)!, at: at)
                    default: if at < letters.count, letters.count > 1 { letters.remove(at: at) }
                    }
                }
            }
            let probe = String(letters)
            let expected = Self.closestByTable(to: probe, in: candidates)
            #expect(Suggestion.closest(to: probe, in: candidates) == expected, "\(probe) in \(candidates)")
            if expected != nil { suggested += 1 }
        }
        // The cases exercise both answers, not only "no suggestion".
        #expect(suggested > 500 && suggested < 2_500, "\(suggested) of 3,000 probes have a suggestion")
    }

    /// A field of 100,000 characters in the metric column against 500 declared metrics: no suggestion, and no
    /// 100,000-row table per metric (each was 60 ms in a release build, so half a minute per reported row).
    @Test func aHugeFieldIsComparedByLengthOnly() {
        let metrics = (0..<500).map { "metric_\($0)" }
        #expect(Suggestion.closest(to: String(repeating: "x", count: 100_000), in: metrics) == nil)
        // A long name with one typo is still found when a declared name is as long.
        let long = String(repeating: "conversion_rate_", count: 20)
        #expect(Suggestion.closest(to: "x" + long.dropFirst(), in: metrics + [long]) == long)
    }
}
