package dev.crossfoot.check;

import dev.crossfoot.model.Filing;
import dev.crossfoot.model.InputException;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Status;
import dev.crossfoot.rules.Rule;
import dev.crossfoot.rules.RuleSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The checking itself: a filing and its rules in, a report out. Each rule is expanded into its checks
 * ({@link Planner}), each check judged ({@link Evaluator}), failures explained ({@link Diagnoser}), and
 * failures a baseline recorded marked as known. No files, no threads.
 */
public final class Engine {

    private final CheckOptions options;

    public Engine(CheckOptions options) {
        this.options = options;
    }

    /**
     * Checks a filing against a rule set.
     *
     * @throws InputException when a rule refers to something the filing does not have
     */
    public FilingReport check(Filing filing, RuleSet rules) {
        Planner planner = new Planner(filing);
        Evaluator evaluator = new Evaluator(options);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            for (Plan plan : planner.plan(rule)) {
                findings.add(evaluator.evaluate(rule, plan));
            }
        }
        List<Finding> diagnosed = Diagnoser.diagnose(findings);
        if (!options.known().isEmpty()) {
            diagnosed = diagnosed.stream()
                    .map(f -> f.status() != Status.PASS && options.known().contains(f.fingerprint()) ? f.asKnown() : f)
                    .toList();
        }
        return new FilingReport(filing.path(), filing.issuer(), filing.document(), diagnosed, null,
                List.copyOf(filing.tables().values()));
    }
}
