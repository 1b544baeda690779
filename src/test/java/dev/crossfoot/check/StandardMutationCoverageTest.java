package dev.crossfoot.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.infer.Inferrer;
import dev.crossfoot.model.Cell;
import dev.crossfoot.model.Figure;
import dev.crossfoot.model.Filing;
import dev.crossfoot.model.Row;
import dev.crossfoot.model.Table;
import dev.crossfoot.parse.FilingReader;
import dev.crossfoot.parse.StandardReader;
import dev.crossfoot.result.Status;
import dev.crossfoot.rules.RuleSet;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Mutation coverage of the primary statements without a rules file (issue 13): the SenseTime fixture is checked as
 * {@code check} checks a filing without rules.yaml, with the standard rules and the relations footing finds in it.
 * Each figure cell of a table whose role is a primary statement is moved in turn by 997 units of its last printed
 * digit (a dash becomes 997), and the changed filing is checked afresh, footed again as a user's misprinted filing
 * would be. The cell is covered when some check fails or warns that did not before. Every cell that survives must be
 * listed in {@link #KNOWN_SURVIVORS} with its reason, and that list must hold no covered cell.
 */
class StandardMutationCoverageTest {

    static final Set<String> STATEMENTS = Set.of("income-statement", "comprehensive-income", "balance-sheet", "cash-flows",
            "changes-in-equity");
    /** Where the run writes its figures and surviving cells, for a developer to read (the build prints nothing). */
    static final Path REPORT = Path.of("target/standard-mutation-coverage.txt");

    /**
     * Cells no check of the standard pack or of footing catches when moved, with the reason: none. (The basic and
     * diluted loss per share, 2023 and 2022, were the last two, until STD-EPS-BASIC tied them to note 8's weighted
     * average number of shares.)
     */
    static final Map<String, String> KNOWN_SURVIVORS = new LinkedHashMap<>();

    /** 375 mutants, each footed and checked in full: a long run (-Plong). */
    @Test
    @Tag("long")
    void everyPrimaryStatementCell_withoutRulesFile_isCoveredByAStandardOrInferredCheck_orIsAKnownSurvivor() throws IOException {
        Filing filing = FilingReader.read(MutationCoverageTest.FIXTURE);
        Checker checker = new Checker(CheckOptions.DEFAULT.withStandard(StandardReader.builtIn()));
        Inferrer inferrer = new Inferrer(BigDecimal.ZERO);
        Map<String, Status> baseline = MutationCoverageTest.statuses(checker.check(filing, new RuleSet(inferrer.infer(filing).all())));

        List<String> survivors = new ArrayList<>();
        Map<String, int[]> perTable = new LinkedHashMap<>();
        int cells = 0;
        for (Table t : filing.tables().values()) {
            if (!STATEMENTS.contains(t.role())) {
                continue;
            }
            for (Row r : t.rows()) {
                for (Cell c : r.cells().values()) {
                    Figure moved = MutationCoverageTest.moved(c.figure());
                    if (moved == null) {
                        continue;
                    }
                    cells++;
                    int[] counts = perTable.computeIfAbsent(t.id(), k -> new int[2]);
                    counts[0]++;
                    Filing mutant = filing.withTable(t.withRow(r.withCell(new Cell(c.column(), moved, c.unit(), c.location()))));
                    Map<String, Status> after = MutationCoverageTest.statuses(checker.check(mutant, new RuleSet(inferrer.infer(mutant).all())));
                    if (raised(baseline, after)) {
                        counts[1]++;
                    } else {
                        survivors.add(t.id() + "\t" + r.displayName() + "\t" + c.column());
                    }
                }
            }
        }
        int covered = cells - survivors.size();
        StringBuilder summary = new StringBuilder("primary-statement mutation coverage without rules.yaml: " + covered + " of " + cells
                + " cells, " + baseline.size() + " checks\n");
        perTable.forEach((id, n) -> summary.append("  ").append(id).append(": ").append(n[1]).append(" of ").append(n[0]).append('\n'));
        summary.append("survivors:\n");
        survivors.forEach(s -> summary.append("  ").append(s).append('\t').append(KNOWN_SURVIVORS.getOrDefault(s, "NO REASON")).append('\n'));
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, summary, StandardCharsets.UTF_8);

        assertTrue(perTable.keySet().containsAll(List.of("income-statement", "comprehensive-loss", "balance-sheet", "cash-flows",
                "changes-in-equity-2023", "changes-in-equity-2022")), "statement tables: " + perTable.keySet());
        assertEquals(List.of(), survivors.stream().filter(s -> !KNOWN_SURVIVORS.containsKey(s)).toList(),
                "statement cells that no check catches when moved, and that are not known survivors");
        assertEquals(List.of(), KNOWN_SURVIVORS.keySet().stream().filter(s -> !survivors.contains(s)).toList(),
                "known survivors that a check catches now: remove them");
    }

    /** Whether the changed filing has a check that fails or warns and did not before (a new one, or one that passed). */
    static boolean raised(Map<String, Status> baseline, Map<String, Status> mutant) {
        for (Map.Entry<String, Status> e : mutant.entrySet()) {
            Status before = baseline.get(e.getKey());
            if (e.getValue() != Status.PASS && (before == null || before == Status.PASS)) {
                return true;
            }
        }
        return false;
    }
}
