package dev.crossfoot.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.model.Cell;
import dev.crossfoot.model.Figure;
import dev.crossfoot.model.Filing;
import dev.crossfoot.model.Row;
import dev.crossfoot.model.Table;
import dev.crossfoot.parse.FilingReader;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Status;
import dev.crossfoot.rules.RuleSet;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Mutation coverage of the bundled rule pack: each numeric cell of the fixture in turn is moved by 997
 * units of its last printed digit (a dash becomes 997), and the cell counts as covered when at least one
 * check that passed now fails, warns or cannot be evaluated. Every uncovered cell must have a reviewed
 * reason in fixtures/sensetime-2023/uncovered.tsv, and that file must list no covered cell.
 */
class MutationCoverageTest {

    static final Path FIXTURE = Path.of("fixtures/sensetime-2023");
    static final Path ALLOW_LIST = FIXTURE.resolve("uncovered.tsv");
    static final BigDecimal MINIMUM = new BigDecimal("98");
    /** Where the coverage run writes its figures and uncovered cells, for a developer to read (the build prints nothing). */
    static final Path REPORT = Path.of("target/mutation-coverage.txt");

    record Key(String table, String row, String column) {
        @Override
        public String toString() {
            return table + "\t" + row + "\t" + column;
        }
    }

    /** 1,228 mutants, each checked in full: a long run (-Plong). */
    @Test
    @Tag("long")
    void everyNumericCell_isCoveredByACheck_orHasAReviewedReason() throws IOException {
        Filing filing = FilingReader.read(FIXTURE);
        Checker checker = new Checker(CheckOptions.DEFAULT);
        RuleSet rules = checker.rules(FIXTURE);
        Map<String, Status> baseline = statuses(checker.check(filing, rules));

        List<Key> uncovered = new ArrayList<>();
        int cells = 0;
        for (Table t : filing.tables().values()) {
            for (Row r : t.rows()) {
                for (Cell c : r.cells().values()) {
                    Figure moved = moved(c.figure());
                    if (moved == null) {
                        continue;
                    }
                    cells++;
                    Filing mutant = filing.withTable(t.withRow(r.withCell(new Cell(c.column(), moved, c.unit(), c.location()))));
                    if (!detected(baseline, statuses(checker.check(mutant, rules)))) {
                        uncovered.add(new Key(t.id(), r.displayName(), c.column()));
                    }
                }
            }
        }
        Map<Key, String> reasons = allowList();
        int covered = cells - uncovered.size();
        BigDecimal percent = new BigDecimal(covered * 100L).divide(new BigDecimal(cells), 2, java.math.RoundingMode.FLOOR);
        StringBuilder summary = new StringBuilder("mutation coverage: " + covered + " of " + cells + " numeric cells (" + percent
                + "%), " + baseline.size() + " checks; uncovered:\n");
        uncovered.forEach(k -> summary.append("  ").append(k).append('\t').append(reasons.getOrDefault(k, "NO REASON")).append('\n'));
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, summary, StandardCharsets.UTF_8);

        List<Key> unexplained = uncovered.stream().filter(k -> !reasons.containsKey(k)).toList();
        List<Key> stale = reasons.keySet().stream().filter(k -> !uncovered.contains(k)).toList();
        assertEquals(List.of(), unexplained, "uncovered cells without a reason in " + ALLOW_LIST);
        assertEquals(List.of(), stale, "cells listed in " + ALLOW_LIST + " that are covered now: remove them");
        assertTrue(percent.compareTo(MINIMUM) >= 0, "mutation coverage " + percent + "% is below " + MINIMUM + "%");
    }

    /** Every rule of the pack can fail: moving the reported figure of one of its checks makes that rule fail or warn. */
    @Test
    void everyRule_failsWhenItsReportedFigureMoves() {
        Filing filing = FilingReader.read(FIXTURE);
        Checker checker = new Checker(CheckOptions.DEFAULT);
        RuleSet rules = checker.rules(FIXTURE);
        List<Finding> findings = checker.check(filing, rules).findings();
        Map<String, Finding> firstCheck = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.status() == Status.PASS) {
                firstCheck.putIfAbsent(f.rule(), f);
            }
        }
        List<String> neverFailed = new ArrayList<>();
        for (Finding f : firstCheck.values()) {
            dev.crossfoot.result.CellUse rep = f.cells().get(0);
            Table t = filing.tables().get(rep.table());
            Row r = t.rows().stream().filter(x -> x.displayName().equals(rep.row())).findFirst().orElseThrow();
            Cell c = r.cells().get(rep.column());
            Figure moved = moved(c.figure());
            Filing mutant = filing.withTable(t.withRow(r.withCell(new Cell(c.column(), moved, c.unit(), c.location()))));
            boolean failed = checker.check(mutant, rules).findings().stream()
                    .anyMatch(x -> x.id().equals(f.id()) && x.status() != Status.PASS);
            if (!failed) {
                neverFailed.add(f.id());
            }
        }
        assertTrue(firstCheck.size() >= 300, "rules: " + firstCheck.size());
        assertEquals(List.of(), neverFailed, "checks that still passed when their reported figure moved");
    }

    /** The figure moved well beyond rounding, or null for cells that are not figures. */
    static Figure moved(Figure f) {
        if (f instanceof Figure.Amount a) {
            BigDecimal v = a.value().add(new BigDecimal(BigInteger.valueOf(997), a.value().scale()));
            return new Figure.Amount(a.printed() + "~", v, a.unit());
        }
        if (f instanceof Figure.Nil n) {
            return new Figure.Amount("997", new BigDecimal(997), n.unit());
        }
        return null;
    }

    static Map<String, Status> statuses(FilingReport report) {
        Map<String, Status> out = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            out.put(f.id(), f.status());
        }
        return out;
    }

    static boolean detected(Map<String, Status> baseline, Map<String, Status> mutant) {
        for (Map.Entry<String, Status> e : mutant.entrySet()) {
            if (baseline.get(e.getKey()) == Status.PASS && e.getValue() != Status.PASS) {
                return true;
            }
        }
        return false;
    }

    static Map<Key, String> allowList() throws IOException {
        Map<Key, String> out = new LinkedHashMap<>();
        if (!Files.exists(ALLOW_LIST)) {
            return out;
        }
        for (String line : Files.readAllLines(ALLOW_LIST, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 4 || f[3].isBlank()) {
                throw new IllegalStateException(ALLOW_LIST + ": each line is table, row, column and a reason, tab-separated: " + line);
            }
            out.put(new Key(f[0], f[1], f[2]), f[3]);
        }
        return out;
    }
}
