package dev.crossfoot.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.check.CheckOptions;
import dev.crossfoot.check.Checker;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Footing the 278 real tables of ../shared/realdata/tatqa-dev (README: "Footing without rules"). Pins
 * the figures the README reports, so that the two cannot drift apart: change the inference, then
 * update both. Skipped, with the reason, where the real tables are absent (a clone on its own).
 */
class RealDataTest {

    static final Path TATQA = Path.of("../shared/realdata/tatqa-dev");

    private static final List<FilingReport> REPORTS = new ArrayList<>();
    private static final List<Inferrer.Inference> INFERENCES = new ArrayList<>();

    /** Each test is skipped, with this reason in its report, where the real tables are absent. */
    @BeforeEach
    void theRealTablesArePresent() {
        Assumptions.assumeTrue(Files.isDirectory(TATQA), "the 278 real TAT-QA tables are not beside this checkout (looked for "
                + TATQA.toAbsolutePath().normalize() + "); they are development material, not part of the repository");
    }

    @BeforeAll
    static void footEveryTable() {
        if (!Files.isDirectory(TATQA)) {
            return;
        }
        Footing footing = new Footing(new Checker(CheckOptions.DEFAULT));
        for (Path p : Footing.inputs(List.of(TATQA))) {
            Footing.Footed footed = footing.foot(p);
            REPORTS.add(footed.report());
            INFERENCES.add(footed.inference());
        }
    }

    @Test
    void everyTableIsFootedWithoutError() {
        assertEquals(279, REPORTS.size(), "278 tables and index.csv");
        for (FilingReport r : REPORTS) {
            assertTrue(!r.isError(), r.path() + ": " + r.error());
            assertTrue(r.findings().stream().noneMatch(f -> f.status() == Status.ERROR || f.status() == Status.FAIL),
                    r.path() + " has an inferred check that fails or cannot be evaluated");
        }
    }

    @Test
    void theFiguresInTheReadmeAreThoseOfThisRun() {
        long tablesWithATotal = REPORTS.stream().filter(r -> r.findings().stream().anyMatch(f -> f.status() == Status.PASS)).count();
        int confirmed = INFERENCES.stream().mapToInt(i -> i.confirmed().size()).sum();
        long passes = REPORTS.stream().flatMap(r -> r.findings().stream()).filter(f -> f.status() == Status.PASS).count();
        List<String> nearMisses = REPORTS.stream().flatMap(r -> r.findings().stream())
                .filter(f -> f.status() == Status.WARN).map(Finding::id).toList();
        assertEquals(208, tablesWithATotal);
        assertEquals(357, confirmed); // dev012: the unlabelled subtotal of Fixed assets is its one item, Investments
        assertEquals(985, passes);
        assertEquals(List.of(
                "INFER-dev013_8749fc7b-XF-Dec_28__2019-NEAR@Dec 28, 2019#Data Center Group",
                "INFER-dev013_8749fc7b-XF-Dec_28__2019-NEAR@Dec 28, 2019#Programmable Solutions Group"), nearMisses);
    }
}
