package dev.crossfoot.infer;

import dev.crossfoot.check.Checker;
import dev.crossfoot.check.Loader;
import dev.crossfoot.model.Filing;
import dev.crossfoot.model.InputException;
import dev.crossfoot.model.LookupException;
import dev.crossfoot.model.SourceLocation;
import dev.crossfoot.model.Table;
import dev.crossfoot.parse.FilingReader;
import dev.crossfoot.parse.NarrativeCsv;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.rules.CellRef;
import dev.crossfoot.rules.Rule;
import dev.crossfoot.rules.RowRef;
import dev.crossfoot.rules.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Footing without rules: reads a filing directory or a lone CSV table, infers its totals
 * ({@link Inferrer}) and checks them with the ordinary checker, so that each confirmed total is a passing
 * check and each near-miss a warning, in every report format. Each input's report comes with the rules
 * found, for {@code --emit-rules}.
 */
public final class Footing {

    private final Checker checker;
    private final Inferrer inferrer;

    public Footing(Checker checker) {
        this.checker = checker;
        this.inferrer = new Inferrer(checker.options().extraTolerance());
    }

    /**
     * What {@code foot} takes: a CSV file is a table of its own; a directory holding filing.yaml is a
     * filing; any other directory stands for the CSV files directly in it, each a table of its own, in
     * name order.
     *
     * @throws InputException for a path that is none of these, or a directory without CSV files
     */
    public static List<Path> inputs(List<Path> given) {
        List<Path> out = new ArrayList<>();
        for (Path p : given) {
            if (Files.isRegularFile(p)) {
                out.add(p);
            } else if (Files.isDirectory(p)) {
                if (Files.isRegularFile(p.resolve(FilingReader.FILING_FILE))) {
                    out.add(p);
                    continue;
                }
                try (Stream<Path> s = Files.list(p)) {
                    List<Path> csvs = s.filter(f -> Files.isRegularFile(f)
                            && f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")).sorted().toList();
                    if (csvs.isEmpty()) {
                        throw new InputException(SourceLocation.of(p.toString()), "no filing.yaml and no CSV files here; "
                                + "give a CSV table, a directory of them, or a filing directory");
                    }
                    out.addAll(csvs);
                } catch (IOException e) {
                    throw new InputException(SourceLocation.of(p.toString()), "cannot list the directory ("
                            + (e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage())
                            + "); make it readable, or give its CSV files", e);
                }
            } else {
                throw new InputException(SourceLocation.of(p.toString()), "no such file or directory; "
                        + "give a CSV table, a directory of them, or a filing directory");
            }
        }
        return out;
    }

    /**
     * What footing one input gave: the report of its checks, and the relations found (null when the input
     * could not be read).
     */
    public record Footed(FilingReport report, Inferrer.Inference inference) {
    }

    /** Foots one input (never throws: unusable input gives a report holding its one-line error). */
    public Footed foot(Path input) {
        return footing(1).apply(input);
    }

    /** How each input of a batch of {@code inputs} is footed (never throws). */
    public Function<Path, Footed> footing(int inputs) {
        boolean parallelTables = !checker.batch().parallel(inputs);
        return input -> {
            Inferrer.Inference[] found = new Inferrer.Inference[1];
            FilingReport report = checker.batch().guarded(input, p -> {
                FilingReader.Loaded loaded = Files.isDirectory(p) ? checker.load(p, parallelTables)
                        : new FilingReader.Loaded(FilingReader.readTable(p), List.of());
                found[0] = inferrer.infer(loaded.filing());
                return checker.engine().check(loaded.filing(), new RuleSet(found[0].all()), Loader.errors(loaded));
            });
            return new Footed(report, found[0]);
        };
    }

    /**
     * How each filing directory of a batch of {@code inputs} is checked with its rules, plus the totals
     * inferred from its tables that no rule of the filing already checks (never throws). A filing without rules
     * is footed: its checks are all inferred.
     */
    public Function<Path, FilingReport> checkingWithInference(int inputs) {
        boolean parallelTables = !checker.batch().parallel(inputs);
        return dir -> checker.batch().guarded(dir, p -> {
            FilingReader.Loaded loaded = checker.load(p, parallelTables);
            Filing filing = loaded.filing();
            RuleSet rules = checker.rules(p, false);
            Inferrer.Inference inference = inferrer.infer(filing);
            Set<String> checked = checkedTotals(filing, rules);
            Set<String> ids = new HashSet<>();
            rules.rules().forEach(r -> ids.add(r.info().id()));
            List<Rule> all = new ArrayList<>(rules.rules());
            for (Rule r : inference.all()) {
                if (!checked.contains(totalKey(filing, r)) && !checked.contains(tieKey(filing, r)) && ids.add(r.info().id())) {
                    all.add(r);
                }
            }
            return checker.engine().check(filing, new RuleSet(all), Loader.errors(loaded), NarrativeCsv.read(p));
        });
    }

    /** Where a rule's total sits, as "table|row|index" or "table|column|name"; null for a rule without one. */
    private static String totalKey(Filing filing, Rule rule) {
        Rule.Target target = rule.target().orElse(null);
        if (target == null) {
            return null;
        }
        try {
            Table t = filing.table(target.table());
            return target.row() != null
                    ? target.table() + "|row|" + t.row(target.row().section(), target.row().label()).index()
                    : target.table() + "|column|" + t.column(target.column());
        } catch (LookupException e) {
            return null;
        }
    }

    /** The two rows a tie of one cell against one cell joins, as "tie|table|index|table|index" in a set order; else null. */
    private static String tieKey(Filing filing, Rule rule) {
        Rule.Tie tie = rule.accept(new Rule.Visitor<Rule.Tie>() {
            @Override public Rule.Tie sum(Rule.Sum r) { return null; }
            @Override public Rule.Tie formula(Rule.Formula r) { return null; }
            @Override public Rule.Tie rollForward(Rule.RollForward r) { return null; }
            @Override public Rule.Tie crossFoot(Rule.CrossFoot r) { return null; }
            @Override public Rule.Tie tie(Rule.Tie r) { return r; }
            @Override public Rule.Tie ratio(Rule.Ratio r) { return null; }
            @Override public Rule.Tie text(Rule.Text r) { return null; }
        });
        if (tie == null || tie.agreesWith().singleCell() == null) {
            return null;
        }
        String a = rowKey(filing, tie.figure().table() != null ? tie.figure().table() : tie.table(), tie.figure().row());
        CellRef other = tie.agreesWith().singleCell();
        String b = rowKey(filing, other.table() != null ? other.table() : tie.table(), other.row());
        if (a == null || b == null) {
            return null;
        }
        return a.compareTo(b) < 0 ? "tie|" + a + "|" + b : "tie|" + b + "|" + a;
    }

    private static String rowKey(Filing filing, String table, RowRef row) {
        try {
            return table + "|" + filing.table(table).row(row.section(), row.label()).index();
        } catch (LookupException e) {
            return null;
        }
    }

    /** The totals and the ties of one cell against another that the filing's own rules already check. */
    private static Set<String> checkedTotals(Filing filing, RuleSet rules) {
        Set<String> out = new HashSet<>();
        for (Rule r : rules.rules()) {
            String key = totalKey(filing, r);
            if (key != null) {
                out.add(key);
            }
            String tie = tieKey(filing, r);
            if (tie != null) {
                out.add(tie);
            }
        }
        return out;
    }
}
