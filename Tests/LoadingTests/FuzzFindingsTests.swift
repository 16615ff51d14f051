import Foundation
import Model
import Testing
@testable import Loading

/// Regressions for the bugs the fuzzers found (reproducers in Fuzz/crashes/).
@Suite struct FuzzFindingsTests {
    @Test func aHugeTargetChangeIsWrittenNotTrapped() {
        let target = OutcomeContract.Target(change: 1e19, relative: false, by: Month(year: 2026, month: 12))
        #expect(target.text == "+1e+19")
        #expect(OutcomeContract.Target(change: -15, relative: true, by: Month(year: 2026, month: 12)).text == "−15 %")
    }

    @Test func loneCarriageReturnsEndLinesLikeTheParsersCountThem() throws {
        let log = DiagnosticLog()
        let bytes = Array("---\r\r\ndate: 2026-01-05\r\r\nsource: survey\r\r\n---\r\r\nBody.\r\r\n".utf8)
        let note = NoteLoader.loadNote(bytes, fileName: "2026-01-05-twice-converted.md", path: "note.md", log: log)
        #expect(log.items.filter { $0.severity == .error }.isEmpty, "\(log.items)")
        #expect(note?.source == .survey)
    }
}
