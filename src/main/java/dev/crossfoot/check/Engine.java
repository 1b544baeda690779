package dev.crossfoot.check;

import dev.crossfoot.model.Filing;
import dev.crossfoot.model.InputException;
import dev.crossfoot.model.NarrativeFigure;
import dev.crossfoot.model.SourceLocation;
import dev.crossfoot.parse.NarrativeCsv;
import dev.crossfoot.result.Basis;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.InputError;
import dev.crossfoot.result.NotApplicable;
import dev.crossfoot.result.RuleError;
import dev.crossfoot.result.Status;
import dev.crossfoot.rules.Rule;
import dev.crossfoot.rules.RuleSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The checking itself: a filing and its rules in, a report out. Each rule is expanded into its checks
 * ({@link Planner}), each check judged ({@link Evaluator}), failures explained ({@link Diagnoser}), and
 * failures a baseline recorded marked as known. A rule that reads a table that could not be read is not
 * run, and said so. No files, no threads.
 */
public final class Engine {

    /** The origin of a rule inferred by footing (whose ids start with {@link #INFERRED_PREFIX}). */
    public static final String INFERRED = "inferred";
    static final String INFERRED_PREFIX = "INFER-";

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
        Planner planner = new Planner(filing, narrative.figures());
        NarrativeTies ties = new NarrativeTies(filing, options);
        List<Finding> restated = new ArrayList<>();
        Set<NarrativeFigure> byRule = Collections.newSetFromMap(new IdentityHashMap<>());
        Evaluator evaluator = new Evaluator(options);
        Map<String, InputError> broken = new HashMap<>();
        unreadable.forEach(e -> broken.putIfAbsent(e.table(), e));
        List<Finding> findings = new ArrayList<>();
        List<RuleError> notRun = new ArrayList<>();
        Map<Rule, String> origins = new IdentityHashMap<>();
        List<Rule> all = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Rule rule : rules.rules()) {
            String origin = rule.info().id().startsWith(INFERRED_PREFIX) ? INFERRED : rule.info().location().file();
            origins.put(rule, origin);
            ids.add(rule.info().id());
            all.add(rule);
        }
        List<NotApplicable> notApplicable = new ArrayList<>();
        if (options.standard() != null) {
            Standards.Applied applied = new Standards(options.standard()).apply(filing);
            for (Rule rule : applied.rules()) {
                if (ids.add(rule.info().id())) {
                    origins.put(rule, Standards.ORIGIN);
                    all.add(rule);
                }
            }
            notApplicable.addAll(applied.notApplicable());
        }
        Set<Rule> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Rule rule : all) {
            InputError cause = rule.tables().stream().map(broken::get).filter(Objects::nonNull).findFirst().orElse(null);
            if (cause != null) {
                SourceLocation at = rule.info().location();
                notRun.add(new RuleError(rule.info().id(), rule.info().title(), at.file(), at.line(),
                        "it reads table '" + cause.table() + "', which could not be read"));
                continue;
            }
            List<Plan> plans;
            try {
                plans = planner.plan(rule);
            } catch (InputException e) {
                if (!Standards.ORIGIN.equals(origins.get(rule))) {
                    throw e;
                }
                // a standard rule whose rows cannot be named is not applicable, never an error
                SourceLocation at = rule.info().location();
                notApplicable.add(new NotApplicable(rule.info().id(), rule.info().title(), at.file(), at.line(),
                        e.getMessage()));
                dropped.add(rule);
                continue;
            }
            for (Plan plan : plans) {
                if (plan instanceof Plan.Text text) {
                    // a text rule ties a narrative figure: judged as the narrative checks judge one
                    restated.add(ties.restated(narrative.document(), rule, text, origins.get(rule)));
                    byRule.add(text.figure());
                } else {
                    findings.add(evaluator.evaluate(rule, plan, origins.get(rule)));
                }
            }
        }
        Map<String, Integer> counts = counts(all, origins, dropped);
        List<Finding> diagnosed = new ArrayList<>(Diagnoser.diagnose(findings));
        NarrativeTies.Outcome tied = ties.tie(narrative.document(), narrative.figures());
        diagnosed.addAll(tied.findings());
        diagnosed.addAll(restated);
        List<NarrativeFigure> unattached = tied.unattached().stream().filter(f -> !byRule.contains(f)).toList();
        if (!options.known().isEmpty()) {
            diagnosed = diagnosed.stream()
                    .map(f -> f.status() != Status.PASS && options.known().contains(f.fingerprint()) ? f.asKnown() : f)
                    .toList();
        }
        return new FilingReport(filing.path(), filing.issuer(), filing.document(), diagnosed, null,
                List.copyOf(filing.tables().values()), unreadable, notRun, unattached,
                new Basis(counts, notApplicable));
    }

    /** The rules run per origin; a standard rule checked year by year (a carried form) counts once. */
    private Map<String, Integer> counts(List<Rule> all, Map<Rule, String> origins, Set<Rule> dropped) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (options.standard() != null) {
            counts.put(Standards.ORIGIN, 0);
        }
        Set<SourceLocation> standardSeen = new HashSet<>();
        for (Rule rule : all) {
            String origin = origins.get(rule);
            if (!dropped.contains(rule) && (!Standards.ORIGIN.equals(origin) || standardSeen.add(rule.info().location()))) {
                counts.merge(origin, 1, Integer::sum);
            }
        }
        return counts;
    }
}
