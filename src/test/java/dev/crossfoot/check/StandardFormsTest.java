package dev.crossfoot.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossfoot.cli.Run;
import dev.crossfoot.model.Filing;
import dev.crossfoot.parse.FilingReader;
import dev.crossfoot.parse.StandardReader;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.NotApplicable;
import dev.crossfoot.result.Status;
import dev.crossfoot.rules.CellRef;
import dev.crossfoot.rules.Rule;
import dev.crossfoot.rules.RuleSet;
import dev.crossfoot.rules.StandardPack;
import dev.crossfoot.rules.Term;
import dev.crossfoot.testing.FilingCopy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every form of every rule of the shipped standard pack (as {@link StandardReader#builtIn()} loads it at run time), each
 * on a small filing of src/test/resources/standard where that form is the one checked (see the README there):
 * <ul>
 * <li>the form is the one checked, and passes;</li>
 * <li>each figure it reads, changed, makes the rule fail in that period, still in that form;</li>
 * <li>each line item it reads, not printed, makes the rule fall through to a later form or be not applicable: counted,
 * never an error; for the item the case names, the form it falls through to is given, and {@code check} on the filing
 * without it exits 0 or 1, never 2.</li>
 * </ul>
 * {@link #everyFormOfTheShippedPack_hasACase} fails naming any rule and form of the pack that has no case in {@link #CASES},
 * so a rule or form added to the pack cannot go untested.
 */
class StandardFormsTest {

    static final Path FILINGS = Path.of("src/test/resources/standard");
    static final StandardPack PACK = StandardReader.builtIn();

    /**
     * One case per form of the pack: rule | form (its index in the rule's {@code forms}, from 0) | the filing (a folder of
     * src/test/resources/standard) in which that form is the one checked | an item the form reads ({@code role[item]}
     * where two of its tables print the item) | the form checked when that item is not printed ({@code n/a}: none).
     */
    static final String CASES = """
            STD-IS-GROSS                  | 0 | ifrs          | gross-profit                     | n/a
            STD-IS-OPERATING              | 0 | us            | total-costs                      | n/a
            STD-IS-TAX                    | 0 | hk            | profit-continuing                | 2
            STD-IS-TAX                    | 1 | us            | equity-method-after-tax          | 3
            STD-IS-TAX                    | 2 | hk-discontinued | profit-discontinued            | 3
            STD-IS-TAX                    | 3 | ifrs          | income-tax                       | n/a
            STD-IS-DISCONTINUED           | 0 | hk            | profit-discontinued              | n/a
            STD-IS-ATTRIBUTION            | 0 | ifrs          | profit-nci                       | 1
            STD-IS-ATTRIBUTION            | 1 | uk            | profit-owners                    | n/a
            STD-CI-TOTAL                  | 0 | ifrs          | oci                              | n/a
            STD-CI-TOTAL                  | 1 | hk            | oci                              | n/a
            STD-CI-ATTRIBUTION            | 0 | ifrs          | tci-nci                          | n/a
            STD-CI-ATTRIBUTION            | 1 | eu            | tci-nci                          | n/a
            STD-CI-PROFIT                 | 0 | ifrs          | comprehensive-income[profit]     | n/a
            STD-BS-BALANCE                | 0 | us            | redeemable-nci                   | 1
            STD-BS-BALANCE                | 1 | ifrs          | total-liabilities                | 2
            STD-BS-BALANCE                | 2 | eu            | total-equity-and-liabilities     | n/a
            STD-BS-BALANCE                | 3 | hk            | total-non-current-liabilities    | 4
            STD-BS-BALANCE                | 4 | uk            | net-assets                       | n/a
            STD-BS-EQUITY-AND-LIABILITIES | 0 | us            | redeemable-nci                   | 1
            STD-BS-EQUITY-AND-LIABILITIES | 1 | ifrs          | total-liabilities                | n/a
            STD-BS-NET-ASSETS             | 0 | ifrs          | total-assets                     | 1
            STD-BS-NET-ASSETS             | 1 | hk            | total-non-current-liabilities    | n/a
            STD-BS-NET-ASSETS-EQUITY      | 0 | hk            | net-assets                       | n/a
            STD-BS-ASSETS                 | 0 | ifrs          | total-current-assets             | n/a
            STD-BS-LIABILITIES            | 0 | ifrs          | total-current-liabilities        | n/a
            STD-BS-NET-CURRENT            | 0 | ifrs          | net-current-assets               | n/a
            STD-BS-NET-CURRENT            | 1 | hk            | net-current-liabilities          | n/a
            STD-BS-TALCL                  | 0 | ifrs          | total-assets                     | 1
            STD-BS-TALCL                  | 1 | uk            | net-current-assets               | n/a
            STD-BS-TALCL                  | 2 | hk            | net-current-liabilities          | n/a
            STD-BS-EQUITY                 | 0 | ifrs          | nci-equity                       | 1
            STD-BS-EQUITY                 | 1 | uk            | equity-owners                    | n/a
            STD-CF-NET                    | 0 | us            | cf-fx                            | 1
            STD-CF-NET                    | 1 | ifrs          | cf-financing                     | n/a
            STD-CF-ROLL                   | 0 | ifrs          | cf-fx                            | 1
            STD-CF-ROLL                   | 1 | us            | cf-opening                       | n/a
            STD-CF-ROLL                   | 2 | us-restricted | cf-reclass-held-for-sale         | n/a
            STD-CF-CARRY                  | 0 | ifrs          | cf-opening                       | n/a
            STD-CF-CARRY                  | 1 | us-restricted | cf-opening-restricted            | n/a
            STD-CF-OPEN-BS                | 0 | ifrs          | balance-sheet[cash]              | n/a
            STD-CF-CASH-BS                | 0 | ifrs          | cf-closing                       | n/a
            STD-CF-PROFIT                 | 0 | ifrs          | cash-flows[profit-before-tax]    | n/a
            STD-CF-PROFIT                 | 1 | us            | cash-flows[profit]               | n/a
            STD-CF-PROFIT                 | 2 | uk            | cash-flows[operating-profit]     | n/a
            STD-EPS-BASIC                 | 0 | eps-hk        | earnings-basic                   | 2
            STD-EPS-BASIC                 | 1 | eps-us        | shares-basic                     | n/a
            STD-EPS-BASIC                 | 2 | eps-ifrs      | shares-basic                     | n/a
            STD-EPS-DILUTED               | 0 | eps-hk        | shares-diluted                   | n/a
            STD-EPS-DILUTED               | 1 | eps-us        | earnings-diluted                 | n/a
            STD-EPS-NOTE-BASIC            | 0 | eps-hk        | eps-basic                        | n/a
            STD-EPS-NOTE-DILUTED          | 0 | eps-hk        | eps-diluted                      | n/a
            STD-CE-BS                     | 0 | ifrs          | balance-sheet[*]                 | 0
            STD-CE-CARRY                  | 0 | ifrs          | changes-in-equity[opening]       | n/a
            STD-CE-PROFIT                 | 0 | ifrs          | income-statement[profit]         | n/a
            STD-CE-PROFIT-OWNERS          | 0 | ifrs          | profit-owners                    | n/a
            STD-CE-PROFIT-NCI             | 0 | ifrs          | profit-nci                       | n/a
            STD-CE-TCI                    | 0 | ifrs          | comprehensive-income[total-ci]   | n/a
            STD-CE-TCI                    | 1 | eu            | income-statement[total-ci]       | n/a
            STD-CE-TCI-OWNERS             | 0 | ifrs          | tci-owners                       | n/a
            STD-CE-TCI-OWNERS             | 1 | eu            | tci-owners                       | n/a
            STD-CE-TCI-NCI                | 0 | ifrs          | tci-nci                          | n/a
            STD-CE-TCI-NCI                | 1 | eu            | tci-nci                          | n/a
            """;

    /** One row of {@link #CASES}; {@code then} is null where the rule is then not applicable. */
    record Case(String rule, int form, String filing, String without, Integer then) {
        @Override
        public String toString() {
            return rule + " form " + form + " on " + filing;
        }
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (String line : CASES.strip().split("\n")) {
            String[] f = line.split("\\|");
            String then = f[4].strip();
            out.add(new Case(f[0].strip(), Integer.parseInt(f[1].strip()), f[2].strip(), f[3].strip(),
                    then.equals("n/a") ? null : Integer.valueOf(then)));
        }
        return out;
    }

    @TempDir
    Path temp;

    // ---- the guard ----

    @Test
    void everyFormOfTheShippedPack_hasACase() {
        Set<String> covered = new LinkedHashSet<>();
        cases().forEach(c -> covered.add(c.rule() + "#" + c.form()));
        List<String> missing = new ArrayList<>();
        Set<String> inPack = new LinkedHashSet<>();
        for (StandardPack.StandardRule r : PACK.rules()) {
            for (int i = 0; i < r.forms().size(); i++) {
                inPack.add(r.info().id() + "#" + i);
                if (!covered.contains(r.info().id() + "#" + i)) {
                    missing.add(r.info().id() + " form " + i + " (" + r.forms().get(i).check() + ", standard.yaml line "
                            + r.forms().get(i).location().line() + ")");
                }
            }
        }
        assertEquals(List.of(), missing, "forms of the shipped standard pack without a test case: add a row to "
                + "StandardFormsTest.CASES for each, naming a small filing of src/test/resources/standard in which that form "
                + "is the one checked (add one, and describe it in the README there, where none fits)");
        List<String> stale = covered.stream().filter(k -> !inPack.contains(k)).map(k -> k.replace("#", " form ")).toList();
        assertEquals(List.of(), stale, "cases of StandardFormsTest.CASES naming no form of the shipped pack");
        assertEquals(covered.size(), cases().size(), "a rule and form with two cases in StandardFormsTest.CASES");
    }

    // ---- each form ----

    static Stream<Case> eachCase() {
        return cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eachCase")
    void form_isTheOneChecked_andPasses(Case c) {
        Path dir = FILINGS.resolve(c.filing());
        assertEquals(c.form(), formChecked(dir, c.rule()), c + ": the form checked");
        FilingReport r = check(dir);
        List<Finding> own = of(r, c.rule());
        assertFalse(own.isEmpty(), c + ": no check");
        assertTrue(own.stream().allMatch(f -> f.status() == Status.PASS), () -> c + ": " + brief(own));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eachCase")
    void form_eachFigureItReadsChanged_fails(Case c) {
        Path dir = FILINGS.resolve(c.filing());
        Filing filing = FilingReader.read(dir, false);
        for (Read read : reads(filing, c)) {
            FilingCopy copy = FilingCopy.of(dir, temp);
            String before = copy.set(read.file(), read.row(), read.column(), p -> FilingCopy.bump(p, 997));
            String what = c + ": " + read.file() + " [" + read.row() + "][" + read.column() + "] " + before + " moved by 997";
            assertEquals(c.form(), formChecked(copy.dir(), c.rule()), what + ": the form checked");
            List<Finding> failing = of(check(copy.dir()), c.rule()).stream().filter(f -> f.status() != Status.PASS).toList();
            assertTrue(failing.stream().anyMatch(f -> f.column().equals(read.period())), () -> what + ": the rule does not fail in "
                    + read.period() + "; failing: " + brief(failing));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eachCase")
    void form_eachItemNotPrinted_fallsThroughOrIsNotApplicable_neverAnError(Case c) {
        Path dir = FILINGS.resolve(c.filing());
        Filing filing = FilingReader.read(dir, false);
        boolean named = false;
        for (Read read : rows(filing, c)) {
            FilingCopy copy = FilingCopy.of(dir, temp);
            copy.remove(read.file(), read.row());
            String what = c + " without " + read.file() + " [" + read.row() + "] (" + read.item() + ")";
            Integer then = formChecked(copy.dir(), c.rule());
            boolean matrix = readsMatrix(c);
            assertTrue(then == null || then > c.form() || matrix && then == c.form(), what + ": checked in form " + then);
            FilingReport r = check(copy.dir());
            List<NotApplicable> na = r.basis().notApplicable().stream().filter(n -> n.rule().equals(c.rule())).toList();
            if (then != null && then == c.form()) {
                // a changes-in-equity form is checked per year (and column): the check that read the row is gone, the others stay
                assertEquals(List.of(), na, what);
                assertTrue(of(r, c.rule()).stream().noneMatch(f -> f.rule().equals(read.made())), what + ": " + read.made() + " still made");
            } else if (then == null) {
                assertEquals(1, na.size(), what + ": not applicable once, with why");
                assertFalse(na.get(0).why().isBlank(), what + ": why");
                assertEquals(List.of(), of(r, c.rule()), what);
            } else {
                assertEquals(List.of(), na, what);
                assertFalse(of(r, c.rule()).isEmpty(), what + ": checked in form " + then + " without a check");
            }
            if (read.item().equals(c.without()) || read.qualified().equals(c.without())) {
                assertEquals(c.then(), then, what + ": the form checked then (null: not applicable)");
                named = true;
            }
        }
        assertTrue(named, c + ": the form reads no " + c.without());
    }

    @Test
    void everyCase_withoutTheItemItNames_checkExits0or1_andReportsTheRuleNotApplicableOrChecked() throws IOException {
        List<String> args = new ArrayList<>(List.of("check", "--format", "json"));
        Map<String, Case> byPath = new LinkedHashMap<>();
        for (Case c : cases()) {
            Path dir = FILINGS.resolve(c.filing());
            Read read = rows(FilingReader.read(dir, false), c).stream()
                    .filter(r -> r.item().equals(c.without()) || r.qualified().equals(c.without())).findFirst().orElseThrow();
            FilingCopy copy = FilingCopy.of(dir, temp);
            copy.remove(read.file(), read.row());
            args.add(copy.path());
            byPath.put(copy.path(), c);
        }
        Run run = Run.of(args.toArray(String[]::new));
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run::toString);
        JsonNode filings = new ObjectMapper().readTree(run.out()).get("filings");
        assertEquals(byPath.size(), filings.size(), run.out());
        for (JsonNode f : filings) {
            Case c = byPath.get(f.get("path").asText());
            assertFalse(f.has("error"), c + ": " + f.get("error"));
            List<String> na = new ArrayList<>();
            f.get("notApplicable").forEach(n -> na.add(n.get("rule").asText()));
            List<String> checked = new ArrayList<>();
            f.get("checks").forEach(k -> checked.add(k.get("rule").asText()));
            String what = c + " without " + c.without();
            assertEquals(c.then() == null, na.contains(c.rule()), what + ": not applicable " + na);
            assertEquals(c.then() != null, checked.stream().anyMatch(id -> isOf(id, c.rule())), what + ": checked " + checked);
        }
    }

    // ---- helpers ----

    static FilingReport check(Path dir) {
        return new Engine(CheckOptions.DEFAULT.withStandard(PACK)).check(FilingReader.read(dir, false), new RuleSet(List.of()));
    }

    static List<String> brief(List<Finding> findings) {
        return findings.stream().map(f -> f.id() + " " + f.status() + ": " + f.message()).toList();
    }

    /** The index of the rule's form checked on the filing, or null when the rule is not applicable. */
    static Integer formChecked(Path dir, String rule) {
        return new Standards(PACK).apply(FilingReader.read(dir, false)).forms().get(rule);
    }

    /**
     * Whether a check's rule id is the standard rule's: its id, or a carried rule's id and year, or a changes-in-equity
     * rule's id, year and (for a form over each column) column: STD-CE-BS-2023-share-capital.
     */
    static boolean isOf(String id, String rule) {
        return id.equals(rule) || id.matches(Pattern.quote(rule) + "-[0-9]{4}(-[a-z0-9-]+)?");
    }

    /** Whether the case's form reads a changes-in-equity matrix (checked per year, and per column for '*'). */
    static boolean readsMatrix(Case c) {
        StandardPack.Form form = PACK.rules().stream().filter(r -> r.info().id().equals(c.rule())).findFirst().orElseThrow()
                .forms().get(c.form());
        return StandardPack.EQUITY_ROLE.equals(form.result().table())
                || form.expression().terms().stream().anyMatch(t -> StandardPack.EQUITY_ROLE.equals(t.ref().table()));
    }

    /** The findings of a standard rule (a carried rule's are per year: STD-CF-CARRY-2023). */
    static List<Finding> of(FilingReport r, String rule) {
        return r.findings().stream().filter(f -> isOf(f.rule(), rule)).toList();
    }

    /**
     * One cell a form reads on a filing: the item and its role as the form names them, the table's file, the row as a
     * test names it ("Section > Label"), the column changed and the period whose check reads it.
     */
    record Read(String item, String role, String file, String row, String column, String period, String made) {
        String qualified() {
            return role + "[" + item + "]";
        }
    }

    /**
     * What the case's form reads on its filing, one cell per item: in the first period checked (a carried form reads its
     * left side in a year and its right side in the year before).
     */
    static List<Read> reads(Filing filing, Case c) {
        Standards.Applied applied = new Standards(PACK).apply(filing);
        assertEquals(c.form(), applied.forms().get(c.rule()), c + ": the form checked");
        StandardPack.Form form = PACK.rules().stream().filter(r -> r.info().id().equals(c.rule())).findFirst().orElseThrow()
                .forms().get(c.form());
        Rule first = applied.rules().stream().filter(r -> isOf(r.info().id(), c.rule())).findFirst().orElseThrow();
        List<CellRef> abstractRefs = new ArrayList<>();
        abstractRefs.add(form.result());
        form.expression().terms().stream().map(Term::ref).forEach(abstractRefs::add);
        List<CellRef> concrete = new ArrayList<>();
        String period;
        if (first instanceof Rule.Formula made) {
            concrete.add(made.result());
            made.expression().terms().stream().map(Term::ref).forEach(concrete::add);
            // a carried form, or a changes-in-equity form (its cells name their columns), is checked in its result's column
            period = form.carry() || made.columns().isEmpty() ? made.result().column() : made.columns().get(0);
        } else if (first instanceof Rule.Ratio quotient && form.quotient()) {
            // a quotient form (earnings per share): its figure, its numerator's cells, its denominator's
            form.denominator().terms().stream().map(Term::ref).forEach(abstractRefs::add);
            concrete.add(quotient.figure());
            quotient.numerator().terms().stream().map(Term::ref).forEach(concrete::add);
            quotient.denominator().terms().stream().map(Term::ref).forEach(concrete::add);
            period = quotient.columns().get(0);
        } else {
            throw new AssertionError(c + " is made as a rule of kind " + first.kind() + ": teach StandardFormsTest.reads() which cells it reads");
        }
        assertEquals(abstractRefs.size(), concrete.size(), c + ": the rule made is not the form");
        List<Read> out = new ArrayList<>();
        for (int i = 0; i < concrete.size(); i++) {
            CellRef a = abstractRefs.get(i);
            CellRef k = concrete.get(i);
            assertFalse(k.row().label().contains(" #"), c + ": give " + k + " a label of its own in the filing");
            String file = Path.of(filing.tables().get(k.table()).file()).getFileName().toString();
            String row = k.row().section() == null || k.row().section().isEmpty() ? k.row().label() : k.row().section() + " > " + k.row().label();
            String column = k.column() != null ? k.column() : period;
            out.add(new Read(a.row().label(), a.table(), file, row, column, period, first.info().id()));
        }
        return out;
    }

    /** The rows a form reads on the case's filing, each once. */
    static List<Read> rows(Filing filing, Case c) {
        List<Read> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Read r : reads(filing, c)) {
            if (seen.add(r.file() + "\u001F" + r.row())) {
                out.add(r);
            }
        }
        return out;
    }
}
