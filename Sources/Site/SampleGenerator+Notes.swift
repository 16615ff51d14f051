import Model

// Feedback notes (most months, each with a pull quote) and one decision per finished quarter, worded from the
// project's domain and story.
extension SampleGenerator {
    /// The project's feedback notes and decisions by path relative to the project folder.
    static func notesAndDecisions(_ plan: Plan, _ data: ProjectData, asOf: Month, random: inout SeededRandom) -> [(String, String)] {
        var files: [(String, String)] = []
        let launchMonth = plan.launch.calendarMonth
        let domain = plan.domain
        func author() -> String { random.pick(firstNames) + " " + random.pick(lastNames) }
        let site = plan.segments.first { $0.name != "all" }?.name.capitalizedFirst ?? domain.title

        if random.chance(0.7) {
            let month = launchMonth.adding(-1)
            let day = Day(year: month.year, month: month.month, day: random.int(in: 5...25))
            let body = "\(random.int(in: 5...12)) \(domain.users.people) tried the system on recorded \(domain.items) during training in \(site). "
                + "They liked how quickly it finds the relevant history; the suggestions got a cooler reception.\n\n"
                + "> " + random.pick(quotes(domain)[.mixed]!) + "\n"
            files.append(note(day, "training-walkthrough", "interview", author(), "mixed", [domain.themes[0], "training"], body))
        }
        for month in Month.range(launchMonth, through: asOf) where random.chance(0.88) {
            let rate = data.adoption[month] ?? 0
            let sentiment: String = switch plan.story {
            case .onTrack: random.chance(0.75) ? "positive" : "mixed"
            case .improving: random.chance(0.5) ? "positive" : "mixed"
            case .flat: random.chance(0.6) ? "mixed" : random.chance(0.5) ? "negative" : "positive"
            case .wrongWay: random.chance(0.6) ? "negative" : "mixed"
            }
            let count = random.chance(0.08) ? 2 : 1
            var firstDay = random.int(in: 3...(count == 2 ? 14 : 26))
            for _ in 0..<count {
                let day = Day(year: month.year, month: month.month, day: firstDay)
                let (slug, source, text) = noteBody(plan, month: month, rate: rate, sentiment: sentiment, random: &random)
                let quote = random.pick(quotes(domain)[Sentiment(rawValue: sentiment)!]!)
                let tags = random.pick(random.int(in: 1...3), of: domain.themes)
                files.append(note(day, slug, source, author(), sentiment, tags, text + "\n\n> " + quote + "\n"))
                firstDay += random.int(in: 3...9)
            }
        }

        // One decision per finished quarter, taken at the review early in the next one; a few reviews are skipped.
        var quarter = launchMonth.quarter()
        var reviews: [Quarter] = []
        while let last = quarter.months().last, last <= asOf {
            reviews.append(quarter)
            quarter = quarter.quarter == 4 ? Quarter(year: quarter.year + 1, quarter: 1) : Quarter(year: quarter.year, quarter: quarter.quarter + 1)
        }
        for (number, review) in reviews.enumerated() where !random.chance(0.04) {
            let next = review.months().last!.next
            let date = workingDay(Day(year: next.year, month: next.month, day: random.int(in: 4...18)))
            let isLast = number == reviews.count - 1
            let move: String = switch plan.story {
            case _ where number == 0: "continue"
            case .onTrack: number >= 2 && random.chance(0.5) ? "expand" : "continue"
            case .improving: random.chance(0.3) ? "adjust" : "continue"
            case .flat: isLast && number >= 4 && random.chance(0.4) ? "wind-down" : number >= 2 && random.chance(0.5) ? "adjust" : "continue"
            case .wrongWay: isLast && number >= 3 && random.chance(0.5) ? "wind-down" : "adjust"
            }
            let text = decisionText(plan, move: move, review: review, rate: data.adoption[review.months().last!] ?? 0)
            let path = "decisions/\(date)-\(review.description.lowercased())-review.md"
            files.append((path, "---\ndate: \(date)\nreview: \(review)\ndecision: \(move)\n---\n\(text)\n"))
        }
        return files
    }

    private enum Sentiment: String { case positive, mixed, negative }

    private static func note(_ day: Day, _ slug: String, _ source: String, _ author: String, _ sentiment: String,
                             _ tags: [String], _ body: String) -> (String, String) {
        let front = "---\ndate: \(day)\nsource: \(source)\nauthor: \(quoted(author))\nsentiment: \(sentiment)\ntags: [\(tags.joined(separator: ", "))]\n---\n"
        return ("feedback/\(day)-\(slug).md", front + body)
    }

    /// A note's slug, source and opening paragraphs.
    private static func noteBody(_ plan: Plan, month: Month, rate: Double, sentiment: String,
                                 random: inout SeededRandom) -> (String, String, String) {
        let domain = plan.domain
        let people = domain.users.people
        let eligible = plan.eligible
        let percent = Int((rate * 100).rounded())
        switch random.int(in: 0...5) {
        case 0:
            let asked = max(10, Int((Double(eligible) * max(rate, 0.2)).rounded()))
            let answered = random.int(in: (asked / 2)...asked)
            let saves = sentiment == "positive" ? random.int(in: 60...85) : sentiment == "mixed" ? random.int(in: 35...60) : random.int(in: 15...35)
            return ("pulse-survey", "survey",
                    "Pulse survey; \(answered) of \(asked) \(people) responded.\n\n"
                    + "- \(saves) % say the assistant saves them time on most \(domain.items)\n"
                    + "- \(random.int(in: 8...30)) % find the suggestions distracting on simple \(domain.items)\n"
                    + "- \(random.int(in: 40...90)) % would not want to go back to working without it")
        case 1:
            return ("team-lead-check-in", "conversation",
                    "Team leads say about \(percent) % of \(people) now use the assistant in a typical week. "
                    + (sentiment == "negative" ? "Several stopped after it gave confident but wrong answers on unusual \(domain.items)."
                       : "The ones who use it most are the newer \(people), who lean on it for the policy wording."))
        case 2:
            let up = random.int(in: 80...900)
            let down = sentiment == "positive" ? up / random.int(in: 4...9) : up / random.int(in: 1...3)
            return ("in-product-ratings", "in-product",
                    "In-product ratings this month: \(up) thumbs-up and \(down) thumbs-down. Most negative comments are about "
                    + random.pick(["answers that arrive too late to use", "missing context from older records",
                                   "suggestions that ignore recent policy changes", "slow responses at peak times"]) + ".")
        case 3:
            return ("user-interviews", "interview",
                    "Interviews with \(random.int(in: 4...10)) \(people) about how the assistant fits their day. "
                    + (sentiment == "positive" ? "All of them use it daily and edit its suggestions lightly rather than rewriting them."
                       : sentiment == "mixed" ? "Most use it for the harder \(domain.items) and skip it on routine ones."
                       : "Most have stopped opening it unless a lead asks them to."))
        case 4:
            return ("sponsor-walkthrough", "conversation",
                    "Walkthrough of the \(month) figures with the sponsor's staff. Questions were about "
                    + random.pick(["how much of the change comes from the assistant rather than seasonal volume",
                                   "why adoption differs between sites", "what the run cost will be at full rollout",
                                   "whether the comparison group is still comparable"]) + ".")
        default:
            return ("support-tickets", "other",
                    "Review of the \(random.int(in: 3...40)) support tickets raised about the assistant this month. "
                    + random.pick(["Most were access requests from new starters.", "A third concerned one integration bug, now fixed.",
                                   "Half were feature requests for another language.", "Several asked for the sources behind an answer."]))
        }
    }

    /// Pull quotes by sentiment, in the users' words.
    private static func quotes(_ domain: Domain) -> [Sentiment: [String]] {
        let items = domain.items
        return [
            .positive: [
                "It saves me a few minutes on the hard \(items), and those are the ones that ruin my day.",
                "I don't have to ask my lead what the rule is any more; it's right there.",
                "Half my notes are written before I finish.",
                "Now when it's wrong I flag it and it's fixed the next day. That's new for us.",
            ],
            .mixed: [
                "It's right nine times out of ten, and the tenth time you really need to notice.",
                "Good on the routine \(items); on the odd ones I still do it myself.",
                "If I have to read a whole paragraph while I'm busy, I'll just skip it.",
                "I like it, but I check everything it says, so I'm not sure I'm faster.",
            ],
            .negative: [
                "It kept quoting the old policy. We changed that weeks ago.",
                "By the time the suggestion shows up I've already done it.",
                "I stopped opening it after it got two \(items) badly wrong in one morning.",
                "It adds a step; it doesn't remove one.",
            ],
        ]
    }

    private static func decisionText(_ plan: Plan, move: String, review: Quarter, rate: Double) -> String {
        let outcome = plan.domain.outcome.name.lowercasedFirst
        let adoption = "Adoption stood at \(Int((rate * 100).rounded())) % of those eligible at the end of the quarter."
        switch move {
        case "expand":
            return "The effect on \(outcome) has held for another quarter and the run cost is well below the monthly benefit. "
                + "Expand to the next group of \(plan.domain.users.people) next quarter, keeping a comparison group so the effect can still be measured. "
                + adoption
        case "adjust":
            return "The \(review) review found \(outcome) not moving as the contract expects. "
                + "Adjust: retrain with the latest \(plan.domain.items), fix the slowest integration and run a refresher session for the \(plan.domain.users.people). "
                + adoption
        case "wind-down":
            return "Several quarters without the agreed improvement in \(outcome). Wind down: switch the assistant off at the end of next quarter "
                + "and end the platform subscription. Revisit only if the underlying process changes. " + adoption
        default:
            return "Continue as planned. The \(review) figures are in line with the contract's expectations for this stage. " + adoption
        }
    }
}

fileprivate extension String {
    /// The string with its first character upper-cased (site names in sentences).
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
    /// The string with its first character lower-cased (metric names inside sentences).
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
