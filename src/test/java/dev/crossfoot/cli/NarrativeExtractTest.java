package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crossfoot extract} writes the announcement's narrative figures to narrative.csv. */
class NarrativeExtractTest {

    @TempDir
    Path tmp;

    @Test
    void extract_writesNarrativeCsv_withEachFigureItsSentenceLineItemAndPeriod() throws IOException {
        Path out = tmp.resolve("filing");
        Run r = Run.of("extract", ExtractAnnouncementTest.SEED.toString(), "-o", out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.toString());
        List<String> lines = Files.readAllLines(out.resolve("narrative.csv"));
        assertEquals("document,line,at,figure,kind,value,unit,scale,bound,period,item,words,base,direction,comparison,sentence",
                lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("sensetime-2023-announcement.txt,98,98,53.9%,share,53.9,%,0,,2023,"
                + "traditional ai,traditional AI business,revenue,,share,")), "the Traditional AI share at line 98");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("sensetime-2023-announcement.txt,191,191,10.6%,change,10.6,%,0,,2023,"
                + "revenue,revenue,,decrease,decreased by,")), "the revenue change at line 191");
        assertTrue(lines.size() > 150, "every figure of the prose, counts too: " + lines.size());
    }

    @Test
    void check_showsEachNarrativeCheckWithItsSentenceAndLine_andCountsTheUnattached() {
        Path out = tmp.resolve("filing");
        assertEquals(0, Run.of("extract", ExtractAnnouncementTest.SEED.toString(), "-o", out.toString(), "-q").exitCode());
        Run r = Run.of("check", out.toString(), "--rules", ExtractAnnouncementTest.RULES.toString(), "--color=never");
        assertEquals(0, r.exitCode(), "narrative checks are warnings: " + r);
        assertTrue(r.out().contains("the prose says 53.9% but the tables give 53.9785"), r.out());
        assertTrue(r.out().contains("which would be printed 54.0; matched on"), r.out());
        assertTrue(r.out().contains("[sensetime-2023-announcement.txt:98]"), r.out());
        assertTrue(r.out().contains("\"Our revenue decreased by 10.6% to RMB3,405.8"), r.out());
        assertTrue(r.out().contains("tied to the tables,"), r.out());
        assertTrue(r.out().contains("unattached (--verbose lists them)"), r.out());
        assertTrue(!r.out().contains("UNATTACHED"), "listed only under --verbose");
        Run verbose = Run.of("check", out.toString(), "--rules", ExtractAnnouncementTest.RULES.toString(), "--verbose");
        assertTrue(verbose.out().contains("  UNATTACHED  RMB3,885 million [line 36]"), verbose.out());
        Run failOn = Run.of("check", out.toString(), "--rules", ExtractAnnouncementTest.RULES.toString(), "--fail-on", "warning", "-q");
        assertEquals(1, failOn.exitCode());
    }

    @Test
    void check_filingWithNarrativeButNoRules_runsItsNarrativeChecks() {
        Path out = tmp.resolve("filing");
        assertEquals(0, Run.of("extract", ExtractAnnouncementTest.SEED.toString(), "-o", out.toString(), "-q").exitCode());
        Run r = Run.of("check", out.toString(), "-q", "--no-standard");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains(": 52 checks: 50 passed, 0 failed, 2 warnings"), r.out());
    }
}
