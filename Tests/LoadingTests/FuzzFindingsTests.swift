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

    /// `contract-yaml-deep-key-stack-overflow.yml`: a mapping key nested 998 deep (`? - - - … x`), which libyaml's
    /// default limit of 1,000 let through, was hashed recursively by the duplicate-key check and overflowed the stack
    /// of the fuzzer's sanitized build. Nesting now stops at 64 levels with a `yaml-syntax` error.
    @Test func aKeyNestedHundredsDeepIsAYAMLErrorNotARecursion() throws {
        let deep = "? " + String(repeating: "- ", count: 998) + "x\n: 1\n"
        let log = DiagnosticLog()
        let rejected = YAMLValue.parse(deep, path: "contract.yml", log: log) == nil
        #expect(rejected, "a key nested 998 deep should be a YAML error")
        #expect(log.items.map(\.code) == ["yaml-syntax"], "\(log.items)")
        #expect(log.items.first?.message.contains("more than 64 levels deep") == true, "\(log.items)")
        let shallow = DiagnosticLog()
        let nested = "a:\n" + String(repeating: "- ", count: 20) + "x\n"
        #expect(YAMLValue.parse(nested, path: "contract.yml", log: shallow)?.node.mapping?["a"]?.sequence != nil,
                "twenty levels are fine")
        #expect(shallow.items.isEmpty, "\(shallow.items)")
    }

    /// `contract-yaml-settings-key-not-text.yml`: settings were returned although a key that is not text was
    /// reported as an error (the build stopped on that error all the same).
    @Test func settingsWithAKeyThatIsNotTextAreRejected() throws {
        let log = DiagnosticLog()
        let root = try #require(YAMLValue.parse("title: Portfolio\n? [a, b]\n: 1\n", path: "yardstick.yml", log: log))
        #expect(SettingsLoader.load(root) == nil)
        #expect(log.items.map(\.code) == ["wrong-type"], "\(log.items)")
    }

    /// `contract-yaml-contract-key-not-text.yml`: the same fault in `ContractLoader.load`, found at 0756165: a contract
    /// was returned although a top-level key that is not text was reported as an error.
    @Test func aContractWithAKeyThatIsNotTextIsRejected() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/valid/tiny/projects/support-bot/contract.yml")
        let contract = try String(contentsOf: url, encoding: .utf8)
        let accepted = DiagnosticLog()
        #expect(ContractLoader.load(try #require(YAMLValue.parse(contract, path: "contract.yml", log: accepted))) != nil)
        let log = DiagnosticLog()
        let root = try #require(YAMLValue.parse("? [a, b]\n: 1\n" + contract, path: "contract.yml", log: log))
        #expect(ContractLoader.load(root) == nil)
        #expect(log.items.map(\.code) == ["wrong-type"], "\(log.items)")
    }
}

