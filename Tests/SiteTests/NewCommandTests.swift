import Foundation
@testable import Loading
import Model
@testable import Site
import Testing

/// `yardstick new project|note|decision` through the library, with a fixed day so every file is predictable.
@Suite struct NewCommandTests {
    let day = Day(year: 2026, month: 6, day: 24)

    /// A fresh `yardstick init` content directory and its path.
    func freshContent(_ name: String = #function) throws -> String {
        let content = try TestSupport.temporaryDirectory(name).appendingPathComponent("mysite").path
        _ = try Scaffold.create(at: content)
        return content
    }

    func text(_ path: String) throws -> String {
        String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
    }

    func errors(_ result: ContentLoader.Result) -> [Diagnostic] { result.diagnostics.filter { $0.severity == .error } }

    // MARK: - new project

    @Test func projectWritesACommentedSkeletonWithEveryFieldThatCheckRejectsUntilFilledIn() throws {
        let content = try freshContent()
        let created = try NewFile.project(id: "support-bot", content: content)
        let folder = content + "/projects/support-bot"
        #expect(created.path == folder + "/contract.yml")
        #expect(created.files == [folder + "/contract.yml", folder + "/snapshots/.gitkeep", folder + "/feedback/.gitkeep",
                                  folder + "/decisions/.gitkeep"])
        for file in created.files { #expect(FileManager.default.fileExists(atPath: file), "\(file)") }

        // Every key the loader accepts is in the skeleton, live or (for the optional shapes) in a comment.
        let skeleton = try text(created.path)
        let lines = skeleton.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        for key in ContractLoader.keys {
            #expect(lines.contains { $0.hasPrefix(key + ":") }, "top-level key '\(key)' missing from the skeleton")
        }
        for key in ContractLoader.attributionKeys + ContractLoader.metricKeys where key != "slo" {
            #expect(lines.contains { $0.hasPrefix(key + ":") }, "key '\(key)' missing from the skeleton")
        }
        #expect(skeleton.contains("slo: {max:"), "the slo shape is shown in a commented example")

        // check lists exactly the fields to fill in, each once, and nothing else.
        let loaded = ContentLoader.load(directory: content)
        #expect(!loaded.diagnostics.contains { $0.code == "unknown-key" }, "\(loaded.diagnostics)")
        let contractErrors = errors(loaded).filter { $0.path == created.path }
        #expect(errors(loaded).count == contractErrors.count, "only the new contract has errors: \(errors(loaded))")
        let expected = ["'title'", "'sponsor'", "'owner'", "'agreed'", "'launch'", "'direction: increase'",
                        "'outcome.baseline.from'", "'outcome.baseline.to'", "'outcome.baseline.value'",
                        "'outcome.target.change'", "'outcome.target.by'", "'attribution.method'"]
        #expect(contractErrors.count == expected.count, "\(contractErrors.map(\.description).joined(separator: "\n"))")
        for field in expected {
            #expect(contractErrors.filter { $0.message.contains(field) }.count == 1, "one error naming \(field)")
        }
    }

    @Test func aFilledInSkeletonLoadsWithoutErrors() throws {
        let content = try freshContent()
        let created = try NewFile.project(id: "support-bot", content: content)
        let answers: [(String, String)] = [
            ("title:", "title: Support bot"), ("sponsor:", "sponsor: Dana Ruiz, VP Support"),
            ("owner:", "owner: Priya Shah, Business Analytics"), ("agreed:", "agreed: 2025-12-01"),
            ("launch:", "launch: 2026-01-01"), ("name: TODO", "name: Handle time"), ("unit: TODO", "unit: min"),
            ("direction:", "direction: decrease"), ("baseline:", "baseline: {from: 2025-01, to: 2025-12, value: 8}"),
            ("target:", "target: {change: -10%, by: 2026-12}"), ("method:", "method: before-after"),
        ]
        let filled = try text(created.path).split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let trimmed = line.drop { $0 == " " }
            guard let (_, answer) = answers.first(where: { trimmed.hasPrefix($0.0) }) else { return String(line) }
            return String(line.prefix(line.count - trimmed.count)) + answer
        }.joined(separator: "\n")
        try filled.write(toFile: created.path, atomically: true, encoding: .utf8)
        var csv = "period,metric,segment,value,n\n"
        for month in Month.range(Month(year: 2025, month: 1), through: Month(year: 2026, month: 4)) {
            csv += "\(month),outcome_metric,,\(month.month % 2 == 0 ? "8.1" : "7.9"),\n"
        }
        try csv.write(toFile: content + "/projects/support-bot/snapshots/2026-05-04.csv", atomically: true, encoding: .utf8)

        let loaded = ContentLoader.load(directory: content)
        #expect(errors(loaded).isEmpty, "\(errors(loaded).map(\.description).joined(separator: "\n"))")
        #expect(!loaded.diagnostics.contains { $0.code == "unknown-file" }, ".gitkeep files are skipped")
        let project = try #require(loaded.portfolio?.projects.first { $0.id == "support-bot" })
        #expect(project.contract.owner == "Priya Shah, Business Analytics")
        #expect(project.contract.attribution.method == .beforeAfter)
    }

    @Test(arguments: ["Bad", "bad_id", "-lead", "", "../escape", "a/b", String(repeating: "a", count: 65)])
    func projectRefusesAnInvalidIdAndWritesNothing(id: String) throws {
        let content = try freshContent("invalid\(id.hashValue)")
        let before = TestSupport.files(in: URL(fileURLWithPath: content))
        do {
            _ = try NewFile.project(id: id, content: content)
            Issue.record("id '\(id)' was accepted")
        } catch {
            #expect(error.diagnostic.code == "invalid-id")
            #expect(error.diagnostic.description.hasPrefix("\(content)/projects/\(id):0:0: error: project id '\(id)' must use"))
        }
        #expect(TestSupport.files(in: URL(fileURLWithPath: content)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: content + "/projects") == ["ticket-triage"])
    }

    @Test func projectRefusesAnExistingProjectAndAMissingContentDirectory() throws {
        let content = try freshContent()
        let before = TestSupport.files(in: URL(fileURLWithPath: content))
        #expect(throws: NewFile.Failure.self) { try NewFile.project(id: "ticket-triage", content: content) }
        do {
            _ = try NewFile.project(id: "ticket-triage", content: content)
        } catch {
            #expect(error.diagnostic.code == "file-exists")
            #expect(error.diagnostic.path == content + "/projects/ticket-triage")
        }
        #expect(TestSupport.files(in: URL(fileURLWithPath: content)) == before)

        let missing = content + "-missing"
        do {
            _ = try NewFile.project(id: "fine", content: missing)
            Issue.record("a missing content directory must be refused")
        } catch {
            #expect(error.diagnostic.code == "no-content")
            #expect(error.diagnostic.message.contains("yardstick init \(missing)"))
        }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    // MARK: - new note

    @Test func noteIsNamedByDateAndSourceWithTheOwnerAsAuthorAndLoads() throws {
        let content = try freshContent()
        let created = try NewFile.note(project: "ticket-triage", date: day, content: content)
        #expect(created.path == content + "/projects/ticket-triage/feedback/2026-06-24-interview.md")
        let note = try text(created.path)
        #expect(note.hasPrefix("""
            ---
            date: 2026-06-24
            source: interview       # interview | survey | in-product | conversation | other
            author: Sam Lee         # who wrote it down (the contract's owner by default)
            sentiment:              # optional: positive | mixed | negative
            tags: []                # optional, e.g. [latency, trust]
            ---
            TODO:
            """), "\(note)")

        let loaded = ContentLoader.load(directory: content)
        #expect(errors(loaded).isEmpty, "\(errors(loaded))")
        let loadedNote = try #require(loaded.portfolio?.projects.first?.notes.first { $0.date == day })
        #expect(loadedNote.source == .interview && loadedNote.author == "Sam Lee" && loadedNote.sentiment == nil)
        #expect(loadedNote.slug == "interview")
    }

    @Test func aSecondAndThirdNoteTheSameDayGetNumberedAndTheSameCallWritesTheSameBytes() throws {
        let content = try freshContent()
        let paths = try (1...3).map { _ in try NewFile.note(project: "ticket-triage", date: day, content: content).path }
        #expect(paths.map { URL(fileURLWithPath: $0).lastPathComponent }
                == ["2026-06-24-interview.md", "2026-06-24-interview-2.md", "2026-06-24-interview-3.md"])
        #expect(try Set(paths.map(text)).count == 1, "the same day and project give the same note")

        let survey = try NewFile.note(project: "ticket-triage", source: "survey", slug: "pilot-survey", date: day, content: content)
        #expect(survey.path.hasSuffix("/feedback/2026-06-24-pilot-survey.md"))
        #expect(try text(survey.path).contains("\nsource: survey "))
        #expect(errors(ContentLoader.load(directory: content)).isEmpty)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: content + "/projects/ticket-triage/feedback")
            .filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "no temporary files are left behind: \(leftovers)")
    }

    @Test func noteRefusesAnUnknownProjectSourceOrSlugAndWritesNothing() throws {
        let content = try freshContent()
        let before = TestSupport.files(in: URL(fileURLWithPath: content))
        let cases: [(project: String, source: String, slug: String?, code: String, says: String)] = [
            ("nope", "interview", nil, "unknown-project", "known projects: ticket-triage"),
            ("Ticket-Triage", "interview", nil, "invalid-id", "project id 'Ticket-Triage'"),
            ("ticket-triage", "podcast", nil, "wrong-value", "interview, survey, in-product, conversation, other"),
            ("ticket-triage", "interview", "Big Day", "invalid-id", "slug 'Big Day'"),
            ("ticket-triage", "interview", String(repeating: "x", count: 61), "invalid-id", "slug"),
        ]
        for item in cases {
            do {
                _ = try NewFile.note(project: item.project, source: item.source, slug: item.slug, date: day, content: content)
                Issue.record("\(item) was accepted")
            } catch {
                #expect(error.diagnostic.code == item.code, "\(item): \(error.diagnostic)")
                #expect(error.diagnostic.message.contains(item.says), "\(error.diagnostic.message)")
                #expect(error.diagnostic.line == 0 && error.diagnostic.severity == .error)
            }
        }
        #expect(TestSupport.files(in: URL(fileURLWithPath: content)) == before)
    }

    @Test func theAuthorIsTheOwnersNameBeforeAnyComma() throws {
        let folder = try TestSupport.temporaryDirectory()
        let cases: [(String, String?)] = [
            ("owner: Priya Shah, Business Analytics\n", "Priya Shah"),
            ("title: x\nowner:   \"Shah, Priya\"   # quoted\n", "Shah"),
            ("owner: 'Jo O''Neil, Finance'\n", "Jo O'Neil"),
            ("owner: \"Ana \\\"AJ\\\" Silva\"\n", "Ana \"AJ\" Silva"),
            ("owner: 'never closed\n", nil),
            ("owner: Sam Lee # the analyst\n", "Sam Lee"),
            ("owner:                  # TODO: the named tracking owner\n", nil),
            ("owner: ~\n", nil),
            ("  owner: nested, not top-level\n", nil),
            ("title: no owner\n", nil),
        ]
        for (index, (yaml, expected)) in cases.enumerated() {
            let path = folder.appendingPathComponent("contract-\(index).yml").path
            try yaml.write(toFile: path, atomically: true, encoding: .utf8)
            #expect(NewFile.ownerName(ofContractAt: path) == expected, "\(yaml)")
        }
        #expect(NewFile.yamlScalar("Sam Lee") == "Sam Lee")
        #expect(NewFile.yamlScalar("Lee: Sam #1") == "\"Lee: Sam #1\"")
    }

    // MARK: - new decision

    @Test func decisionIsNamedByDateAndReviewAndLoads() throws {
        let content = try freshContent()
        let created = try NewFile.decision(project: "ticket-triage", review: "2026-Q2", decision: "continue",
                                           date: Day(year: 2026, month: 7, day: 8), content: content)
        #expect(created.path == content + "/projects/ticket-triage/decisions/2026-07-08-2026-q2-review.md")
        #expect(try text(created.path).hasPrefix("---\ndate: 2026-07-08\nreview: 2026-Q2 "))
        let loaded = ContentLoader.load(directory: content)
        #expect(errors(loaded).isEmpty, "\(errors(loaded))")
        let decision = try #require(loaded.portfolio?.projects.first?.decisions.first { $0.slug == "2026-q2-review" })
        #expect(decision.review == Quarter(year: 2026, quarter: 2) && decision.decision == .continue)
    }

    @Test func aDecisionWithoutAMoveIsAnErrorForCheckUntilFilledIn() throws {
        let content = try freshContent()
        let created = try NewFile.decision(project: "ticket-triage", review: "2026-Q2", date: day, content: content)
        #expect(try text(created.path).contains("\ndecision: TODO "))
        let problems = errors(ContentLoader.load(directory: content))
        #expect(problems.count == 1)
        #expect(problems.first?.path == created.path && problems.first?.code == "wrong-value")
        #expect(problems.first?.message.contains("expand, continue, adjust, wind-down") == true)
    }

    @Test(arguments: [("2026-Q5", ""), ("2026-q3", "write it as 2026-Q3"), ("Q3", ""), ("2026Q3", ""), ("26-Q1", ""), ("", "")])
    func decisionRefusesABadQuarter(review: String, hint: String) throws {
        let content = try freshContent("quarter\(review.hashValue)")
        let before = TestSupport.files(in: URL(fileURLWithPath: content))
        do {
            _ = try NewFile.decision(project: "ticket-triage", review: review, date: day, content: content)
            Issue.record("review '\(review)' was accepted")
        } catch {
            #expect(error.diagnostic.code == "bad-quarter")
            #expect(error.diagnostic.description.hasPrefix("\(content)/projects/ticket-triage/decisions:0:0: error: review '\(review)'"))
            #expect(hint.isEmpty || error.diagnostic.message.contains(hint))
        }
        #expect(TestSupport.files(in: URL(fileURLWithPath: content)) == before)
    }

    @Test func decisionRefusesAnExistingFileAnUnknownMoveAndAnUnknownProject() throws {
        let content = try freshContent()
        let first = try NewFile.decision(project: "ticket-triage", review: "2026-Q2", decision: "adjust", date: day, content: content)
        let bytes = try text(first.path)
        let cases: [(String, String?, String)] = [("ticket-triage", "expand", "file-exists"), ("ticket-triage", "stop", "wrong-value"),
                                                  ("nope", "expand", "unknown-project")]
        for (project, move, code) in cases {
            do {
                _ = try NewFile.decision(project: project, review: "2026-Q2", decision: move, date: day, content: content)
                Issue.record("\(project) \(move ?? "") was accepted")
            } catch {
                #expect(error.diagnostic.code == code, "\(error.diagnostic)")
            }
        }
        #expect(try text(first.path) == bytes, "an existing decision is never replaced")
    }

    // MARK: - The command line

    @Test func theCommandLinePrintsThePathAndExitsOneOnARefusalAndSixtyFourOnBadUsage() throws {
        let content = try freshContent()
        let note = try TestSupport.run(["new", "note", "ticket-triage", "--content", content, "--date", "2026-06-24"])
        #expect(note.status == 0, "\(note.err)")
        #expect(note.out == content + "/projects/ticket-triage/feedback/2026-06-24-interview.md\n")

        let today = try TestSupport.run(["new", "decision", "ticket-triage", "--review", "2026-Q1", "--decision", "expand", "--content", content])
        #expect(today.status == 0, "\(today.err)")
        #expect(today.out.range(of: #"/decisions/\d{4}-\d{2}-\d{2}-2026-q1-review\.md\n$"#, options: .regularExpression) != nil)

        let refused = try TestSupport.run(["new", "decision", "ticket-triage", "--review", "2026-Q9", "--content", content])
        #expect(refused.status == 1)
        #expect(refused.out.isEmpty)
        #expect(refused.err.contains("\(content)/projects/ticket-triage/decisions:0:0: error: review '2026-Q9'"))

        let project = try TestSupport.run(["new", "project", "support-bot", "--content", content])
        #expect(project.status == 0 && project.out == content + "/projects/support-bot/contract.yml\n")
        let check = try TestSupport.run(["check", "--content", content])
        #expect(check.status == 1 && check.err.contains("12 errors"), "\(check.err)")

        #expect(try TestSupport.run(["new", "note", "ticket-triage", "--date", "2026-02-30", "--content", content]).status == 64)
        #expect(try TestSupport.run(["new", "decision", "ticket-triage", "--content", content]).status == 64)
    }
}
