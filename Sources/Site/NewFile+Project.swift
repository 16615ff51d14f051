import Foundation
import Model

extension NewFile {
    /// `yardstick new project ID`: `projects/<id>/contract.yml` and empty snapshots, feedback and decisions folders.
    ///
    /// The contract is a commented skeleton with every field. The fields that must be agreed hold TODO values or
    /// nothing, so `yardstick check` reports each as an error until it is filled in: a project whose outcome,
    /// baseline, target and attribution were never agreed has nothing honest to report.
    public static func project(id: String, content: String) throws(Failure) -> Created {
        try requireContent(content)
        let projects = join(content, "projects")
        let folder = join(projects, id)
        guard isIdentifier(id) else {
            throw refuse("invalid-id", "project id '\(id)' must use \(identifierRule)", at: folder)
        }
        let manager = FileManager.default
        guard !manager.fileExists(atPath: folder) else {
            throw refuse("file-exists", "project '\(id)' already exists; choose another id or edit \(join(folder, "contract.yml"))",
                         at: folder)
        }

        // Built in a hidden staging folder and renamed into place, so a failure leaves nothing behind.
        let staging = join(projects, ".new-\(id).tmp-\(getpid())")
        let files = [("contract.yml", contractSkeleton(id: id)), ("snapshots/.gitkeep", ""), ("feedback/.gitkeep", ""),
                     ("decisions/.gitkeep", "")]
        do {
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: true)
            for (name, text) in files {
                let url = URL(fileURLWithPath: join(staging, name))
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            guard !manager.fileExists(atPath: folder) else {
                try? manager.removeItem(atPath: staging)
                throw refuse("file-exists", "project '\(id)' already exists; choose another id", at: folder)
            }
            try manager.moveItem(atPath: staging, toPath: folder)
        } catch let failure as Failure {
            throw failure
        } catch {
            try? manager.removeItem(atPath: staging)
            throw refuse("write-failed", "could not write \(folder): \(error.localizedDescription)", at: folder)
        }
        return Created(path: join(folder, "contract.yml"), files: files.map { join(folder, $0.0) })
    }

    /// The commented contract skeleton: valid YAML with every field of docs/content-reference.md.
    static func contractSkeleton(id: String) -> String {
        """
        # Outcome contract for '\(id)'. Every field is described in docs/content-reference.md.
        #
        # Agree this file with the sponsor BEFORE the work starts: every page reports against the target as
        # first agreed. Until each TODO below is filled in, `yardstick check` reports it as an error and the
        # site does not build. Then add the first snapshot (snapshots/<YYYY-MM-DD>.csv) with the outcome's
        # baseline months.

        title:                  # TODO: the project in a few words, e.g. Support copilot for tier-1 agents
        summary:                # optional: one sentence on what the AI does
        sponsor:                # TODO: who pays for it and decides, e.g. Dana Ruiz, VP Customer Support
        owner:                  # TODO: the named tracking owner, e.g. Priya Shah, Business Analytics (not a builder)
        build_team: []          # who builds and runs the AI system, e.g. [Marco Li, Support Engineering]
        agreed: TODO            # the day this contract was agreed, YYYY-MM-DD (before the launch)
        launch: TODO            # go-live of the first users, YYYY-MM-DD
        cadence: monthly        # weekly | monthly | quarterly

        # Every metric the snapshots may carry. Ids: lowercase letters, digits, '-' and '_'.
        # layer: outcome | volume | system | usage | cost;  aggregate: sum | mean | last | min | max
        metrics:
          # TODO: rename 'outcome_metric' here and under outcome.metric to what it measures, e.g. handle_time.
          outcome_metric:
            name: TODO          # as the pages name it, e.g. Average handle time
            layer: outcome
            unit: TODO          # e.g. min, %, USD
            direction:          # TODO: increase | decrease (which way is better)
            aggregate: mean
          # calls:         {name: Calls handled, layer: volume, unit: calls, aggregate: sum}
          # latency_p95:   {name: Reply latency p95, layer: system, unit: ms, aggregate: max, slo: {max: 2500}}
          # active_users:  {name: Active users, layer: usage, unit: users, aggregate: last}
          # model_cost:    {name: Model usage, layer: cost, unit: USD, aggregate: sum}
        segments: []            # other segment names the snapshots may use, besides those named under attribution

        outcome:
          metric: outcome_metric
          baseline: {from: TODO, to: TODO, value: TODO}   # months YYYY-MM before the launch; value = the figure agreed
          target: {change: TODO, by: TODO}                # change: -15% (relative) or -1.2 (absolute); by: YYYY-MM

        attribution:
          method: TODO          # controlled-comparison | staged-rollout | regression | before-after
          treatment: []         # segment(s) using the AI (controlled-comparison; optional for the others)
          control: []           # segment(s) not using it (controlled-comparison)
          waves: {}             # segment: go-live day, e.g. {wave-1: 2026-03-01, wave-2: 2026-05-01} (staged-rollout)
          covariates: []        # metric ids controlled for (regression)
          seasonality: none     # none | month-of-year
          caveats: []           # what the method cannot rule out, in plain words

        adoption:               # optional: {metric: active_users, eligible: 120}; eligible is a number or a metric id
        value:                  # optional: {volume: calls, per_unit: 0.85}, money per unit of improvement per volume unit
        investment: []          # one-off costs, e.g. - {date: 2026-02-15, amount: 180000, label: Build and integration}
        events: []              # context that moves the numbers too, e.g. - {date: 2026-05-01, label: Price change}
        amendments: []          # only after agreement: - {date: 2026-07-03, reason: ..., target: {change: -10%, by: 2026-12}}

        """
    }
}
