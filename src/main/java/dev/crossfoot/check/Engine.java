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
        Selection selection = select(filing, rules);
        NarrativeTies ties = new NarrativeTies(filing, options);
        Outcome outcome = run(filing, selection, unreadable, narrative, ties);
        Map<String, Integer> counts = counts(selection.rules(), selection.origins(), outcome.dropped());
        List<Finding> diagnosed = new ArrayList<>(Diagnoser.diagnose(outcome.findings()));
        NarrativeTies.Outcome tied = ties.tie(narrative.document(), narrative.figures());
        diagnosed.addAll(tied.findings());
        diagnosed.addAll(outcome.restated());
        List<NarrativeFigure> unattached = new ArrayList<>();
        for (NarrativeFigure f : tied.unattached()) {
            if (!outcome.byRule().contains(f)) {
                unattached.add(f);
            }
        }
        unattached = Collections.unmodifiableList(unattached);
        if (!options.known().isEmpty()) {
            diagnosed = diagnosed.stream()
                    .map(f -> f.status() != Status.PASS && options.known().contains(f.fingerprint()) ? f.asKnown() : f)
                    .toList();
        }
        return new FilingReport(filing.path(), filing.issuer(), filing.document(), diagnosed, null,
                List.copyOf(filing.tables().values()), unreadable, outcome.notRun(), unattached,
                new Basis(counts, selection.notApplicable()));
    }

    /**
     * The rules to run and where each came from: the rule set's (inferred or a rules file), then the standard pack's
     * that apply and whose ids the rule set does not use.
     *
     * @param notApplicable the standard rules not applicable; running the rules adds those it cannot plan
     */
    private record Selection(List<Rule> rules, Map<Rule, String> origins, List<NotApplicable> notApplicable) {
    }

    private Selection select(Filing filing, RuleSet rules) {
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
        return new Selection(all, origins, notApplicable);
    }

    /**
     * What running the rules gave.
     *
     * @param findings the rules' checks, before diagnosis
     * @param restated the text rules' checks (each ties a narrative figure, judged as the narrative checks judge one)
     * @param byRule   the narrative figures a text rule tied
     * @param notRun   the rules that read a table that could not be read
     * @param dropped  the standard rules found not applicable when planned
     */
    private record Outcome(List<Finding> findings, List<Finding> restated, Set<NarrativeFigure> byRule, List<RuleError> notRun,
                           Set<Rule> dropped) {
    }

    private Outcome run(Filing filing, Selection selection, List<InputError> unreadable, NarrativeCsv.Narrative narrative,
                        NarrativeTies ties) {
        Planner planner = new Planner(filing, narrative.figures());
        Evaluator evaluator = new Evaluator(options);
        Map<String, InputError> broken = new HashMap<>();
        for (InputError e : unreadable) {
            broken.putIfAbsent(e.table(), e);
        }
        Outcome out = new Outcome(new ArrayList<>(), new ArrayList<>(), Collections.newSetFromMap(new IdentityHashMap<>()),
                new ArrayList<>(), Collections.newSetFromMap(new IdentityHashMap<>()));
        for (Rule rule : selection.rules()) {
            String origin = selection.origins().get(rule);
            InputError cause = null;
            if (!broken.isEmpty()) {
                for (String table : rule.tables()) {
                    cause = broken.get(table);
                    if (cause != null) {
                        break;
                    }
                }
            }
            if (cause != null) {
                SourceLocation at = rule.info().location();
                out.notRun().add(new RuleError(rule.info().id(), rule.info().title(), at.file(), at.line(),
                        "it reads table '" + cause.table() + "', which could not be read"));
                continue;
            }
            List<Plan> plans;
            try {
                plans = planner.plan(rule);
            } catch (InputException e) {
                if (!Standards.ORIGIN.equals(origin)) {
                    throw e;
                }
                // a standard rule whose rows cannot be named is not applicable, never an error
                SourceLocation at = rule.info().location();
                selection.notApplicable().add(new NotApplicable(rule.info().id(), rule.info().title(), at.file(), at.line(),
                        e.getMessage()));
                out.dropped().add(rule);
                continue;
            }
            for (Plan plan : plans) {
                if (plan instanceof Plan.Text text) {
                    // a text rule ties a narrative figure: judged as the narrative checks judge one
                    out.restated().add(ties.restated(narrative.document(), rule, text, origin));
                    out.byRule().add(text.figure());
                } else {
                    out.findings().add(evaluator.evaluate(rule, plan, origin));
                }
            }
        }
        return out;
    }

    /** The rules run per origin; a standard rule checked year by year (a carried form) counts once. */
    private Map<String, Integer> counts(List<Rule> all, Map<Rule, String> origins, Set<Rule> dropped) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (options.standard() != null) {
            counts.put(Standards.ORIGIN, 0);
        }
        // keyed by text, not by the SourceLocation record: the first hashCode of a record costs a cold run the
        // bootstrap of its generated method; the file comes before the last line break, so keys differ as locations do
        Set<String> standardSeen = new HashSet<>();
        for (Rule rule : all) {
            String origin = origins.get(rule);
            SourceLocation at = rule.info().location();
            if (!dropped.contains(rule)
                    && (!Standards.ORIGIN.equals(origin) || standardSeen.add(at.file() + "\n" + at.line() + ":" + at.column()))) {
                Integer n = counts.get(origin);
                counts.put(origin, n == null ? 1 : n + 1);
            }
        }
        return counts;
    }
}
