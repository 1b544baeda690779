package dev.crossfoot.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.check.CheckOptions;
import dev.crossfoot.check.Checker;
import dev.crossfoot.model.Cell;
import dev.crossfoot.model.Figure;
import dev.crossfoot.model.Row;
import dev.crossfoot.model.SourceLocation;
import dev.crossfoot.model.Table;
import dev.crossfoot.model.Unit;
import dev.crossfoot.result.CellKey;
import dev.crossfoot.result.CellUse;
import dev.crossfoot.result.CheckKind;
import dev.crossfoot.result.CheckedRule;
import dev.crossfoot.result.Diagnosis;
import dev.crossfoot.result.Figures;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Report;
import dev.crossfoot.result.Severity;
import dev.crossfoot.result.Status;
import dev.crossfoot.testing.FilingCopy;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Reports for the renderer tests: the bundled SenseTime filing, a copy of it with one figure changed, and a
 * small report built by hand that holds every status, an unusable filing and hostile text.
 */
final class RenderFixtures {

    /** The figure the fault changes: 2023 income tax paid, printed (21,931) in the announcement. */
    static final String FAULT_FILE = "cash-flows.csv";
    static final String FAULT_ROW = "Cash flows from operating activities > Income tax paid";
    static final String FAULT_COLUMN = "2023";
    static final String FAULT_FIGURE = "(21,941)";
    /** Where the faulty copy is said to live in rendered output, whatever temp directory it was in. */
    static final String FAULT_PATH = "fixtures/sensetime-2023-fault";

    /** A label that would run a script if a renderer forgot to escape it. */
    static final String SCRIPT_LABEL = "<script>alert(1)</script>";
    static final String HAND_PATH = "fixtures/odd & \"quoted\" <dir>";
    static final String BROKEN_PATH = "fixtures/broken,dir: x";

    /**
     * The working paper's own record in every rendered page: a fixed version, and the date of
     * SOURCE_DATE_EPOCH=1700000000 (2023-11-14 22:13:20 UTC), as a reproducible run sets it.
     */
    static final HtmlRenderer.Paper PAPER = HtmlRenderer.Paper.of("0.0.0-test", Map.of("SOURCE_DATE_EPOCH", "1700000000"),
            java.time.Clock.systemUTC());

    private RenderFixtures() {
    }

    /** A format under test: the name of its golden files' extension, and a fresh renderer. */
    record Format(String name, String extension, Supplier<Renderer> renderer) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Format> formats() {
        return List.of(
                new Format("text", "txt", () -> new TextRenderer(false, false)),
                new Format("json", "json", JsonRenderer::new),
                new Format("junit", "junit.xml", JunitXmlRenderer::new),
                new Format("sarif", "sarif", SarifRenderer::new),
                new Format("github", "github.txt", GithubRenderer::new),
                new Format("html", "html", () -> new HtmlRenderer(PAPER)));
    }

    static String render(Renderer renderer, Report report) {
        StringWriter out = new StringWriter();
        try {
            renderer.render(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A small filing of src/test/resources/cases, checked: passes, failures and diagnoses in a few lines. */
    static Report caseFolder(String name) {
        return new Checker(CheckOptions.DEFAULT).check(List.of(Path.of("src/test/resources/cases", name)));
    }

    static Report sensetime() {
        return new Checker(CheckOptions.DEFAULT).check(List.of(FilingCopy.SENSETIME));
    }

    /** A copy of the SenseTime filing in {@code temp}, with one figure changed. */
    static FilingCopy faultyCopy(Path temp) {
        FilingCopy copy = FilingCopy.of(FilingCopy.SENSETIME, temp);
        String before = copy.set(FAULT_FILE, FAULT_ROW, FAULT_COLUMN, FAULT_FIGURE);
        assertEquals("(21,931)", before, "the fault changes the figure the tests expect");
        return copy;
    }

    /** The faulty copy checked, with its temp path replaced by {@link #FAULT_PATH}. */
    static Report sensetimeFault(Path temp) {
        FilingCopy copy = faultyCopy(temp);
        Report report = new Checker(CheckOptions.DEFAULT).check(List.of(copy.dir()));
        assertTrue(report.summary().failed() > 0, "the injected fault fails a check");
        return relocate(report, copy.path(), FAULT_PATH);
    }

    /** The same report as if its filing had been read from {@code to} instead of {@code from}. */
    static Report relocate(Report report, String from, String to) {
        List<FilingReport> filings = report.filings().stream().map(f -> relocate(f, from, to)).toList();
        return new Report(filings, report.exactMode(), report.extraTolerance());
    }

    private static FilingReport relocate(FilingReport f, String from, String to) {
        UnaryOperator<String> path = s -> s == null ? null : s.startsWith(from) ? to + s.substring(from.length()) : s;
        UnaryOperator<String> text = s -> s == null ? null : s.replace(from, to);
        if (f.isError()) {
            return FilingReport.failed(path.apply(f.path()), text.apply(f.error()));
        }
        List<Finding> findings = new ArrayList<>();
        for (Finding x : f.findings()) {
            UnaryOperator<CellUse> move = c -> new CellUse(c.key(), c.row(), c.printed(), c.value(), c.unit(),
                    new SourceLocation(path.apply(c.file()), c.source().line(), c.source().column()), c.role(), c.weight());
            List<CellUse> cells = x.cells().stream().map(move).toList();
            List<Diagnosis> diagnoses = x.diagnoses().stream().map(d -> new Diagnosis(d.kind(), text.apply(d.text()),
                    d.difference(), d.factor(), d.suspects().stream().map(s -> new Diagnosis.Suspect(move.apply(s.cell()),
                    s.shouldBe(), s.how())).toList(), d.checks())).toList();
            findings.add(new Finding(x.id(), x.check(), x.column(), x.status(), x.figures(), text.apply(x.message()), cells,
                    diagnoses, x.known()));
        }
        List<Table> tables = new ArrayList<>();
        for (Table t : f.tables()) {
            List<Row> rows = new ArrayList<>();
            for (Row r : t.rows()) {
                Map<String, Cell> cells = new LinkedHashMap<>();
                r.cells().forEach((k, c) -> cells.put(k, new Cell(c.column(), c.figure(), c.unit(),
                        new SourceLocation(path.apply(c.location().file()), c.location().line(), c.location().column()))));
                rows.add(new Row(r.index(), r.section(), r.label(), cells, r.line()));
            }
            tables.add(new Table(t.id(), t.title(), t.file(), t.unit(), t.columns(), t.textColumns(), rows));
        }
        return new FilingReport(path.apply(f.path()), f.issuer(), f.document(), findings, null, tables);
    }

    // ---------------------------------------------------------------- the hand-built report

    private static final Unit RMB_K = Unit.parse("RMB'000");

    private static Cell amount(String column, String printed, String value, Unit unit, int line) {
        return new Cell(column, new Figure.Amount(printed, new BigDecimal(value), unit), unit,
                SourceLocation.of(HAND_PATH + "/t1.csv", line, column.equals("2023") ? 3 : 4));
    }

    private static CellUse use(int index, String row, String column, String printed, String value, String unit, int line,
                               CellUse.Role role, String weight) {
        return new CellUse(new CellKey("t1", index, column), row, printed, value == null ? null : new BigDecimal(value),
                Unit.parse(unit), SourceLocation.of(HAND_PATH + "/t1.csv", line), role, weight == null ? null : new BigDecimal(weight));
    }

    private static CheckedRule rule(String id, String title, CheckKind kind, Severity severity) {
        return new CheckedRule(id, title, kind, severity);
    }

    private static Diagnosis said(String text) {
        return new Diagnosis(Diagnosis.Kind.DIGITS_TRANSPOSED, text, new BigDecimal("-10"), null, List.of(), List.of());
    }

    /**
     * One filing with a table of five rows and one check of each kind of outcome (pass, fail with a
     * diagnosis, warn, error of an error rule, error of a warning rule), with quotes, ampersands, angle
     * brackets, commas, colons, percent signs and a line break in its text; and one filing that could not be
     * read. Settings: --exact and --tolerance 1, so every format shows them.
     */
    static Report handmade() {
        Unit pct = Unit.PERCENT;
        Map<String, Cell> r0 = new LinkedHashMap<>();
        r0.put("2023", amount("2023", "1,000", "1000", RMB_K, 2));
        r0.put("2023 %", amount("2023 %", "100.0", "100.0", pct, 2));
        Map<String, Cell> r1 = new LinkedHashMap<>();
        r1.put("2023", amount("2023", "600", "600", RMB_K, 3));
        r1.put("2023 %", amount("2023 %", "60.0", "60.0", pct, 3));
        Map<String, Cell> r2 = new LinkedHashMap<>();
        r2.put("2023", amount("2023", "400", "400", RMB_K, 4));
        r2.put("2023 %", amount("2023 %", "40.0", "40.0", pct, 4));
        Map<String, Cell> r3 = new LinkedHashMap<>();
        r3.put("2023", amount("2023", "1,010", "1010", RMB_K, 5));
        r3.put("2023 %", new Cell("2023 %", new Figure.Nil("–", pct), pct, SourceLocation.of(HAND_PATH + "/t1.csv", 5, 4)));
        Map<String, Cell> r4 = new LinkedHashMap<>();
        r4.put("2023", new Cell("2023", new Figure.Marker("N.A.", null, null), RMB_K, SourceLocation.of(HAND_PATH + "/t1.csv", 7, 3)));
        r4.put("2023 %", new Cell("2023 %", new Figure.Blank(), pct, SourceLocation.of(HAND_PATH + "/t1.csv", 7, 4)));
        List<Row> rows = List.of(
                new Row(0, "", "Revenue", r0, 2),
                new Row(1, "", SCRIPT_LABEL, r1, 3),
                new Row(2, "", "Costs, net: other", r2, 4),
                new Row(3, "", "", r3, 5),
                new Row(4, "Notes & \"markers\"", "Marker row", r4, 7));
        Table t1 = new Table("t1", "Revenue & <costs> \"by item\"", "t1.csv", RMB_K, List.of("2023", "2023 %"), List.of(), rows);

        Finding pass = new Finding("T1-SHARE@2023 %#" + SCRIPT_LABEL, rule("T1-SHARE", "Each item's % is its amount over revenue",
                CheckKind.RATIO, Severity.WARNING), "2023 %", Status.PASS,
                new Figures(new BigDecimal("60.0"), new BigDecimal("60"), BigDecimal.ZERO, new BigDecimal("0.05"), true), "",
                List.of(use(1, SCRIPT_LABEL, "2023 %", "60.0", "60.0", "%", 3, CellUse.Role.REPORTED, null),
                        use(1, SCRIPT_LABEL, "2023", "600", "600", "RMB'000", 3, CellUse.Role.NUMERATOR, "1"),
                        use(0, "Revenue", "2023", "1,000", "1000", "RMB'000", 2, CellUse.Role.DENOMINATOR, "1")),
                List.of(), false);
        Finding fail = new Finding("T1-SUM@2023", rule("T1-SUM", "Items add up to the <total> & \"more\"", CheckKind.SUM,
                Severity.ERROR), "2023", Status.FAIL,
                new Figures(new BigDecimal("1010"), new BigDecimal("1000"), new BigDecimal("-10"), new BigDecimal("1"), false),
                "reported 1,010 but the items add up to 1,000; 100% off: \"a,b\" <x> & y\nsecond line: 'z'",
                List.of(use(3, "(unlabelled)", "2023", "1,010", "1010", "RMB'000", 5, CellUse.Role.REPORTED, null),
                        use(1, SCRIPT_LABEL, "2023", "600", "600", "RMB'000", 3, CellUse.Role.TERM, "1"),
                        use(2, "Costs, net: other", "2023", "400", "400", "RMB'000", 4, CellUse.Role.TERM, "1")),
                List.of(said("digits transposed: 1,010 may be 1,001 <?>"), said("an item of 10 is missing & \"unlisted\"")), false);
        Finding warn = new Finding("T1-PCT@2023 %#Costs, net: other", rule("T1-PCT",
                "Each item's % is its amount over revenue, printed", CheckKind.RATIO, Severity.WARNING), "2023 %", Status.WARN,
                new Figures(new BigDecimal("40.0"), new BigDecimal("40.1"), new BigDecimal("0.1"), new BigDecimal("0.05"), false),
                "a printed % is a presentation matter: 'rounded' as printed",
                List.of(use(2, "Costs, net: other", "2023 %", "40.0", "40.0", "%", 4, CellUse.Role.REPORTED, null),
                        use(2, "Costs, net: other", "2023", "400", "400", "RMB'000", 4, CellUse.Role.NUMERATOR, "1"),
                        use(0, "Revenue", "2023", "1,000", "1000", "RMB'000", 2, CellUse.Role.DENOMINATOR, "1")),
                List.of(), false);
        Finding error = new Finding("T1-MARK@2023", rule("T1-MARK", "The marker row ties to revenue", CheckKind.TIE,
                Severity.ERROR), "2023", Status.ERROR, Figures.NONE,
                "cannot be evaluated: Marker row is the marker 'N.A.', not a number; a check never treats a non-number as zero",
                List.of(use(4, "Notes & \"markers\" > Marker row", "2023", "N.A.", null, "RMB'000", 7, CellUse.Role.REPORTED, null),
                        use(0, "Revenue", "2023", "1,000", "1000", "RMB'000", 2, CellUse.Role.TERM, "1")),
                List.of(), false);
        Finding errorOfWarning = new Finding("T1-MARK-PCT@2023 %", rule("T1-MARK-PCT", "The marker row's share is printed",
                CheckKind.RATIO, Severity.WARNING), "2023 %", Status.ERROR, Figures.NONE,
                "cannot be evaluated: Marker row is empty; a check never treats a non-number as zero",
                List.of(use(4, "Notes & \"markers\" > Marker row", "2023 %", "", null, "%", 7, CellUse.Role.REPORTED, null)),
                List.of(), false);
        FilingReport good = new FilingReport(HAND_PATH, "Smith & Sons <Holdings> \"Ltd\"", "Annual report – 2023's figures",
                List.of(pass, fail, warn, error, errorOfWarning), null, List.of(t1));
        FilingReport broken = FilingReport.failed(BROKEN_PATH,
                BROKEN_PATH + "/filing.yaml:3:5: unknown key 'tabels' <&>; did you mean 'tables'? 100% sure");
        return new Report(List.of(good, broken), true, BigDecimal.ONE);
    }

    // ---------------------------------------------------------------- lookups for assertions

    /** The table of a filing with this id. */
    static Table table(FilingReport f, String id) {
        return f.tables().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no table " + id));
    }

    /** The row of a table whose display name is {@code displayName} (as a CellUse names it). */
    static Optional<Row> row(Table t, String displayName) {
        return t.rows().stream().filter(r -> r.displayName().equals(displayName)).findFirst();
    }

    static FilingReport only(Report report) {
        assertEquals(1, report.filings().size());
        assertFalse(report.filings().get(0).isError());
        return report.filings().get(0);
    }
}
