package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.model.Filing;
import dev.crossfoot.model.Table;
import dev.crossfoot.parse.FilingReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The five real documents of ../shared/realdata/announcements (not in the repository; skipped without them):
 * extract exits 0, foot reads every table, and the primary statements come out with their roles, periods and units.
 */
@Tag("long")
class RealPdfTest {

    static final Path DIR = Path.of("../shared/realdata/announcements");

    @TempDir
    Path temp;

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "anxin-china-1149-2011-annual-results-announcement.pdf; HK$'000; 2011,2010; false",
        "water-oasis-1161-fy2021-annual-report.pdf; HK$'000; 2021,2020; true",
        "jlif-lse-2015-preliminary-results-announcement.pdf; £'000; 2015,2014; true",
        "uber-2021-form-10k.pdf; US$ million; 2020,2021; true",
        "emperor-capital-0717-fy2021-annual-report-bilingual.pdf; HK$'000; 2021,2020; true"})
    void theStatementsComeOutWithRolesPeriodsAndUnits_andFootReadsEveryTable(String file, String unit, String periods,
                                                                             boolean cashFlows) {
        Path pdf = DIR.resolve(file);
        Assumptions.assumeTrue(Files.isRegularFile(pdf), "the real announcements are absent: " + pdf.toAbsolutePath());
        Path out = temp.resolve("filing");
        Run extract = Run.of("extract", pdf.toString(), "-o", out.toString(), "-q");
        assertEquals(0, extract.exitCode(), extract::toString);
        Run foot = Run.of("foot", out.toString(), "-q");
        assertTrue(foot.exitCode() == 0 || foot.exitCode() == 1, foot::toString);
        Filing f = FilingReader.read(out, false);
        List<String> roles = cashFlows ? List.of("income-statement", "balance-sheet", "cash-flows") : List.of("income-statement", "balance-sheet");
        for (String role : roles) {
            List<Table> ts = f.tables().values().stream().filter(t -> t.role().equals(role)).toList();
            assertEquals(1, ts.size(), role + ": " + ts.stream().map(Table::id).toList());
            Table t = ts.get(0);
            assertTrue(t.columns().containsAll(List.of(periods.split(","))), role + " columns " + t.columns());
            assertEquals(unit, t.unit().printed().replace("’", "'").replace("HK$ '", "HK$'"), role);
            assertTrue(t.rows().size() >= 8, role + " rows " + t.rows().size());
        }
    }
}
