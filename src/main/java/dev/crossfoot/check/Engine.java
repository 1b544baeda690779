package dev.crossfoot.check;

import dev.crossfoot.model.Filing;
import dev.crossfoot.model.InputException;
import dev.crossfoot.model.SourceLocation;
import dev.crossfoot.parse.NarrativeCsv;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.InputError;
import dev.crossfoot.result.RuleError;
import dev.crossfoot.result.Status;
import dev.crossfoot.rules.Rule;
import dev.crossfoot.rules.RuleSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The checking itself: a filing and its rules in, a report out. Each rule is expanded into its checks
 * ({@link Planner}), each check judged ({@link Evaluator}), failures explained ({@link Diagnoser}), and
 * failures a baseline recorded marked as known. A rule that reads a table that could not be read is not
 * run, and said so. No files, no threads.
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
        return check(filing, rules, List.of());
    }

    /**
     * Checks what could be read of a filing: a rule that reads a table that could not be read is not run,
     * and reported as such; every other rule is checked.
     *
     * @param unreadable the filing's tables that could not be read
     * @throws InputException when a rule refers to something the filing does not have
     */
    public FilingReport check(Filing filing, RuleSet rules, List<InputError> unreadable) {
        return check(filing, rules, unreadable, NarrativeCsv.Narrative.NONE);
    }

    /**
     * Checks what could be read of a filing, and ties the figures of its announcement's prose to its tables
     * ({@link NarrativeTies}): each attached figure is a narrative check, the others are listed as unattached.
     *
     * @param narrative the filing's narrative.csv, or {@link NarrativeCsv.Narrative#NONE}
     * @throws InputException when a rule refers to something the filing does not have
     */
    public FilingReport check(Filing filing, RuleSet rules, List<InputError> unreadable, NarrativeCsv.Narrative narrative) {
        Planner planner = new Planner(filing);
        Evaluator evaluator = new Evaluator(options);
        Map<String, InputError> broken = new HashMap<>();
        unreadable.forEach(e -> broken.putIfAbsent(e.table(), e));
        List<Finding> findings = new ArrayList<>();
        List<RuleError> notRun = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            InputError cause = rule.tables().stream().map(broken::get).filter(Objects::nonNull).findFirst().orElse(null);
            if (cause != null) {
                SourceLocation at = rule.info().location();
                notRun.add(new RuleError(rule.info().id(), rule.info().title(), at.file(), at.line(),
                        "it reads table '" + cause.table() + "', which could not be read"));
                continue;
            }
            for (Plan plan : planner.plan(rule)) {
                findings.add(evaluator.evaluate(rule, plan));
            }
        }
        List<Finding> diagnosed = new ArrayList<>(Diagnoser.diagnose(findings));
        NarrativeTies.Outcome tied = new NarrativeTies(filing, options).tie(narrative.document(), narrative.figures());
        diagnosed.addAll(tied.findings());
        if (!options.known().isEmpty()) {
            diagnosed = diagnosed.stream()
                    .map(f -> f.status() != Status.PASS && options.known().contains(f.fingerprint()) ? f.asKnown() : f)
                    .toList();
        }
        return new FilingReport(filing.path(), filing.issuer(), filing.document(), diagnosed, null,
                List.copyOf(filing.tables().values()), unreadable, notRun, tied.unattached());
    }
}
