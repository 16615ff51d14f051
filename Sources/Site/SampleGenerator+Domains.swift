// The kinds of AI project a sample portfolio is drawn from, and the names its people and places come from.
extension SampleGenerator {
    /// One kind of AI project: what it is for, the outcome it is held to and the words its notes use.
    struct Domain {
        /// The project id's stem.
        var slug: String
        /// The title's stem.
        var title: String
        /// What the system does, for the contract's summary.
        var summary: String
        /// The sponsor's role.
        var sponsorRole: String
        /// The tracking owner's team.
        var ownerTeam: String
        /// The team that builds and runs the system.
        var buildTeam: String
        /// The outcome metric's id, name and unit.
        var outcome: (id: String, name: String, unit: String)
        /// Whether a rise in the outcome is the improvement.
        var increaseIsBetter: Bool
        /// The outcome's typical level and its decimals in the exports.
        var level: Double, decimals: Int
        /// The volume metric's id, name, unit and typical count per working day for the whole project.
        var volume: (id: String, name: String, unit: String, perDay: Double)
        /// The adoption metric's id and name, and who uses the system (plural noun).
        var users: (id: String, name: String, people: String)
        /// The unit of work the system helps with (plural noun).
        var items: String
        /// Tags for feedback notes.
        var themes: [String]
    }

    static let domains: [Domain] = [
        Domain(slug: "support-copilot", title: "Support copilot",
               summary: "Drafts replies and surfaces knowledge articles during live calls.",
               sponsorRole: "VP Customer Support", ownerTeam: "Business Analytics", buildTeam: "Support Engineering",
               outcome: ("handle_time", "Average handle time", "min"), increaseIsBetter: false, level: 8.4, decimals: 2,
               volume: ("calls", "Calls handled", "calls", 2400), users: ("active_agents", "Active agents", "agents"),
               items: "calls", themes: ["drafts", "latency", "knowledge-articles", "billing", "trust"]),
        Domain(slug: "claims-triage", title: "Claims triage assistant",
               summary: "Reads incoming claims, flags missing documents and routes each claim to the right handler.",
               sponsorRole: "Chief Claims Officer", ownerTeam: "Claims Analytics", buildTeam: "Claims Platform",
               outcome: ("cycle_time", "Claim cycle time", "days"), increaseIsBetter: false, level: 6.2, decimals: 2,
               volume: ("claims", "Claims received", "claims", 900), users: ("active_handlers", "Active claim handlers", "handlers"),
               items: "claims", themes: ["routing", "documents", "fraud-flags", "backlog", "trust"]),
        Domain(slug: "invoice-matching", title: "Invoice matching assistant",
               summary: "Suggests purchase-order and goods-receipt matches for supplier invoices.",
               sponsorRole: "VP Finance Operations", ownerTeam: "Finance Analytics", buildTeam: "Finance Systems",
               outcome: ("touch_time", "Manual touch time per invoice", "min"), increaseIsBetter: false, level: 6.8, decimals: 2,
               volume: ("invoices", "Invoices processed", "invoices", 1800), users: ("active_clerks", "Active clerks", "clerks"),
               items: "invoices", themes: ["matching", "approval-checklist", "ocr", "suppliers", "audit"]),
        Domain(slug: "demand-forecast", title: "Demand forecast for replenishment",
               summary: "Replaces the spreadsheet forecast behind nightly store orders.",
               sponsorRole: "Chief Supply Chain Officer", ownerTeam: "Supply Chain Analytics", buildTeam: "Data Science Platform",
               outcome: ("stockout_rate", "Shelf stockout rate", "%"), increaseIsBetter: false, level: 4.1, decimals: 2,
               volume: ("store_visits", "Store visits", "visits", 95000), users: ("active_planners", "Planners using the forecast", "planners"),
               items: "orders", themes: ["overrides", "promotions", "fresh", "pipeline", "accuracy"]),
        Domain(slug: "sales-email", title: "Sales email assistant",
               summary: "Drafts prospecting and follow-up emails from CRM account history.",
               sponsorRole: "SVP Sales", ownerTeam: "Sales Operations", buildTeam: "Revenue Systems",
               outcome: ("reply_rate", "Prospect reply rate", "%"), increaseIsBetter: true, level: 6.3, decimals: 2,
               volume: ("emails_sent", "Sales emails sent", "emails", 5200), users: ("active_reps", "Active reps", "reps"),
               items: "emails", themes: ["tone", "follow-ups", "templates", "crm", "languages"]),
        Domain(slug: "code-review", title: "Code review assistant",
               summary: "Comments on pull requests before a human reviewer picks them up.",
               sponsorRole: "CTO", ownerTeam: "Engineering Productivity", buildTeam: "Developer Platform",
               outcome: ("review_time", "Time to first review", "h"), increaseIsBetter: false, level: 19.5, decimals: 1,
               volume: ("pull_requests", "Pull requests opened", "pull requests", 420),
               users: ("active_developers", "Developers using it", "developers"),
               items: "pull requests", themes: ["noise", "security", "tests", "review-load", "trust"]),
        Domain(slug: "fraud-screening", title: "Payment fraud screening",
               summary: "Scores card payments in real time and holds only the risky ones for review.",
               sponsorRole: "Chief Risk Officer", ownerTeam: "Risk Analytics", buildTeam: "Payments Engineering",
               outcome: ("false_positive_rate", "Legitimate payments held", "%"), increaseIsBetter: false, level: 2.4, decimals: 3,
               volume: ("payments", "Payments screened", "payments", 180_000),
               users: ("active_analysts", "Analysts working the queue", "analysts"),
               items: "alerts", themes: ["false-positives", "queue", "chargebacks", "rules", "explanations"]),
        Domain(slug: "hr-helpdesk", title: "HR helpdesk assistant",
               summary: "Answers policy questions and drafts replies for HR advisers.",
               sponsorRole: "Chief People Officer", ownerTeam: "People Analytics", buildTeam: "HR Technology",
               outcome: ("resolution_time", "Time to resolve an HR ticket", "h"), increaseIsBetter: false, level: 31, decimals: 1,
               volume: ("tickets", "HR tickets", "tickets", 650), users: ("active_advisers", "Active advisers", "advisers"),
               items: "tickets", themes: ["policy", "payroll", "leave", "tone", "self-service"]),
        Domain(slug: "contract-review", title: "Contract review assistant",
               summary: "Marks non-standard clauses in supplier and customer contracts for the legal team.",
               sponsorRole: "General Counsel", ownerTeam: "Legal Operations", buildTeam: "Legal Technology",
               outcome: ("review_hours", "Lawyer hours per contract", "h"), increaseIsBetter: false, level: 3.2, decimals: 2,
               volume: ("contracts", "Contracts reviewed", "contracts", 60), users: ("active_lawyers", "Lawyers using it", "lawyers"),
               items: "contracts", themes: ["clauses", "playbook", "negotiation", "accuracy", "trust"]),
        Domain(slug: "field-service", title: "Field service diagnosis",
               summary: "Suggests the likely fault and the parts to bring before a technician drives out.",
               sponsorRole: "VP Field Operations", ownerTeam: "Service Analytics", buildTeam: "Field Systems",
               outcome: ("first_time_fix", "Jobs fixed on the first visit", "%"), increaseIsBetter: true, level: 77, decimals: 1,
               volume: ("jobs", "Service jobs", "jobs", 1300), users: ("active_technicians", "Technicians using it", "technicians"),
               items: "jobs", themes: ["parts", "diagnosis", "mobile-app", "offline", "scheduling"]),
        Domain(slug: "product-copy", title: "Product copy generator",
               summary: "Writes and translates product descriptions for the online store.",
               sponsorRole: "Chief Digital Officer", ownerTeam: "E-commerce Analytics", buildTeam: "Content Platform",
               outcome: ("conversion_rate", "Product page conversion", "%"), increaseIsBetter: true, level: 2.8, decimals: 3,
               volume: ("sessions", "Product page sessions", "sessions", 90000), users: ("active_editors", "Active editors", "editors"),
               items: "product pages", themes: ["translation", "brand-voice", "seo", "review-queue", "accuracy"]),
        Domain(slug: "knowledge-search", title: "Knowledge search assistant",
               summary: "Answers employees' questions from the intranet, policies and past tickets, with sources.",
               sponsorRole: "Chief Operating Officer", ownerTeam: "Workplace Analytics", buildTeam: "Digital Workplace",
               outcome: ("time_to_answer", "Time to find an answer", "min"), increaseIsBetter: false, level: 11.5, decimals: 2,
               volume: ("searches", "Searches", "searches", 7000), users: ("active_employees", "Employees using it", "employees"),
               items: "questions", themes: ["sources", "freshness", "permissions", "search", "trust"]),
        Domain(slug: "collections-assistant", title: "Collections call assistant",
               summary: "Suggests a payment plan and talking points for each overdue account.",
               sponsorRole: "Head of Credit", ownerTeam: "Credit Analytics", buildTeam: "Customer Systems",
               outcome: ("promise_kept_rate", "Payment promises kept", "%"), increaseIsBetter: true, level: 58, decimals: 1,
               volume: ("accounts_contacted", "Accounts contacted", "accounts", 1500),
               users: ("active_collectors", "Active collectors", "collectors"),
               items: "accounts", themes: ["payment-plans", "tone", "compliance", "hardship", "scripts"]),
        Domain(slug: "quality-inspection", title: "Visual quality inspection",
               summary: "Checks every unit on the line with cameras and stops the ones with visible defects.",
               sponsorRole: "VP Manufacturing", ownerTeam: "Quality Engineering", buildTeam: "Plant Automation",
               outcome: ("defect_escape_rate", "Defects reaching customers", "%"), increaseIsBetter: false, level: 1.6, decimals: 3,
               volume: ("units_inspected", "Units inspected", "units", 24000),
               users: ("active_inspectors", "Inspectors using it", "inspectors"),
               items: "batches", themes: ["cameras", "lighting", "false-rejects", "line-speed", "training"]),
    ]

    /// Business units a project serves, for titles.
    static let businessUnits = [
        "EMEA", "North America", "Latin America", "Asia Pacific", "Online", "Wholesale", "Retail stores", "Corporate",
        "Small business", "Enterprise accounts", "Shared services", "Nordics", "DACH", "UK and Ireland", "Iberia", "Benelux",
    ]

    /// Sites, used as segments (treatment and control groups, rollout waves).
    static let sites = [
        "lisbon", "leeds", "austin", "denver", "krakow", "manila", "dublin", "porto", "lyon", "osaka", "pune",
        "monterrey", "cork", "tampa", "gdansk", "cebu", "bristol", "raleigh", "valencia", "brno",
    ]

    static let firstNames = [
        "Dana", "Priya", "Marco", "Aisha", "Jonas", "Lena", "Arjun", "Hannah", "Kwame", "Sofia", "Ivan", "Rachel",
        "Tomás", "Mei", "Oluwaseun", "Camille", "Diego", "Ingrid", "Yusuf", "Akira", "Noor", "Mateo", "Elif", "Kofi",
    ]

    static let lastNames = [
        "Ruiz", "Shah", "Li", "Bello", "Berg", "Fischer", "Mehta", "Okafor", "Asante", "Marchetti", "Petrov", "Kim",
        "Herrera", "Chen", "Adeyemi", "Laurent", "Silva", "Johansson", "Demir", "Tanaka", "Haddad", "García", "Nowak", "Mensah",
    ]

    /// Portfolio-wide events: context that moves every project's numbers.
    static let portfolioEvents = [
        "Reorganisation into regional business units", "Price increase across all channels", "New ERP system went live",
        "Hiring freeze for support and operations roles", "Office move for the shared-service centres",
        "Company-wide switch to a new single sign-on provider",
    ]
}
