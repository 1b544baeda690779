package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs at and just over crossfoot's size limits (dev.crossfoot.model.Limits), built in a temporary directory: the
 * largest accepted is checked, one over is refused with a one-line message that names the limit and the value found.
 */
class LimitsTest {

    @TempDir
    Path temp;

    /** A filing of one table t.csv (header {@code label,2023}) with a sum rule over rows A and B into Total. */
    static Path filing(Path dir, String csv, String rules) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("filing.yaml"), """
                issuer: Limits Co
                document: limits
                periods: ["2023"]
                tables:
                  - id: t
                    file: t.csv
                    unit: RMB'000
                """);
        Files.writeString(dir.resolve("t.csv"), csv);
        Files.writeString(dir.resolve("rules.yaml"), rules);
        return dir;
    }

    static final String SUM_RULE = """
            rules:
              - id: SUM
                title: A and B make the total
                kind: sum
                table: t
                items: [A, B]
                total: Total
            """;

    private static void assertRefused(Run run, String... fragments) {
        run.assertOneLineError(fragments);
    }

    @Test
    void figureOfThirtyOneDigits_isRefused_namingTheLimitAndTheDigits() throws IOException {
        Path dir = filing(temp.resolve("f"), "label,2023\nA,1\nB,1234567890123456789012345678901\nTotal,2\n", SUM_RULE);
        assertRefused(Run.of("check", dir.toString()), "t.csv:3:2:", "has 31 digits, over the limit of 30 digits for a figure");
    }

    @Test
    void figureOfThirtyDigits_isChecked() throws IOException {
        Path dir = filing(temp.resolve("f"), "label,2023\nA,1\nB,\"123,456,789,012,345,678,901,234,567,889\"\n"
                + "Total,\"123,456,789,012,345,678,901,234,567,890\"\n", SUM_RULE);
        Run run = Run.of("check", "-q", dir.toString());
        assertEquals(0, run.exitCode(), run::toString);
    }

    @Test
    void figureOfAMillionDigits_isRefusedAtOnce() throws IOException {
        Path dir = filing(temp.resolve("f"), "label,2023\nA,1\nB," + "9".repeat(1_000_000) + "\nTotal,2\n", SUM_RULE);
        Run run = Run.of("check", dir.toString());
        assertRefused(run, "has 1,000,000 digits, over the limit of 30 digits");
        assertTrue(run.err().length() < 1_000, "the figure is quoted in full: " + run.err().length() + " characters");
    }

    @Test
    void rowOfMoreColumnsThanTheLimit_isRefusedBeforeReading() throws IOException {
        StringBuilder csv = new StringBuilder("label");
        for (int i = 1; i <= 1_000; i++) {
            csv.append(",c").append(i);
        }
        csv.append("\nA").append(",1".repeat(1_000)).append('\n');
        Path dir = filing(temp.resolve("f"), csv.toString(), SUM_RULE);
        assertRefused(Run.of("check", dir.toString()), "t.csv:1:1001:", "the row has 1,001 columns, over the limit of 1,000 columns");
    }

    @Test
    void tableOfAThousandColumns_isChecked() throws IOException {
        StringBuilder csv = new StringBuilder("label");
        for (int i = 1; i < 1_000; i++) {
            csv.append(",c").append(i);
        }
        csv.append("\nA").append(",1".repeat(999)).append("\nB").append(",2".repeat(999)).append("\nTotal").append(",3".repeat(999)).append('\n');
        Path dir = filing(temp.resolve("f"), csv.toString(), SUM_RULE);
        Run run = Run.of("check", "-q", "--format", "json", dir.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("\"passed\" : 999"), run.out());
    }

    @Test
    void tableOfMoreCellsThanTheLimit_isRefusedBeforeReading() throws IOException {
        Path dir = temp.resolve("f");
        filing(dir, "", SUM_RULE);
        rows(dir.resolve("t.csv"), 125_000); // header and 125,000 rows of 2 cells, and the empty last line: 250,003
        assertRefused(Run.of("check", dir.toString()), "t.csv: the table holds 250,003 cells (rows × columns), over the limit of 250,000 cells");
    }

    @Test
    void tablesOfAFilingTogetherOverTheCellLimit_refuseTheOneThatGoesOver() throws IOException {
        Path dir = temp.resolve("f");
        filing(dir, "", SUM_RULE);
        Files.writeString(dir.resolve("filing.yaml"), Files.readString(dir.resolve("filing.yaml")) + """
                  - id: u
                    file: u.csv
                    unit: RMB'000
                """);
        rows(dir.resolve("t.csv"), 100_000);
        rows(dir.resolve("u.csv"), 100_000);
        Files.writeString(dir.resolve("filing.yaml"), Files.readString(dir.resolve("filing.yaml")).replace("""
                    file: t.csv
                    unit: RMB'000
                """, """
                    file: t.csv
                    unit: RMB'000
                  - id: v
                    file: v.csv
                    unit: RMB'000
                """));
        rows(dir.resolve("v.csv"), 10_000);
        assertRefused(Run.of("check", "-q", dir.toString()), "u.csv: the filing's tables hold 420,009 cells up to this one (this one 200,003)",
                "over the limit of 250,000 cells for one filing");
    }

    @Test
    void totalThatAThousandItemsCouldExplain_namesAtMostTenCauses_andTheHtmlReportStaysLinear() throws IOException {
        Path dir = temp.resolve("f");
        StringBuilder csv = new StringBuilder("label,2023\n");
        for (int i = 1; i <= 1_000; i++) {
            csv.append("Row ").append(i).append(",\"1,000\"\n");
        }
        csv.append("Total,\"998,000\"\n"); // 2,000 short: any one item with its sign flipped explains it
        filing(dir, csv.toString(), SUM_RULE.replace("items: [A, B]", "items: {from: Row 1, to: Row 1000}"));
        Run json = Run.of("check", "-q", "--format", "json", dir.toString());
        assertEquals(1, json.exitCode(), json::toString);
        long causes = json.out().lines().filter(l -> l.contains("\"kind\" : \"sign-flipped\"")).count();
        assertTrue(causes > 0 && causes <= 10, causes + " causes named:\n" + json.out());
        Run html = Run.of("check", "-q", "--format", "html", dir.toString());
        assertEquals(1, html.exitCode());
        assertTrue(html.out().length() < 2_000_000, "html report of " + html.out().length() + " characters for 1,001 cells");
    }

    @Test
    void yamlLineOverTheLimit_isRefusedBeforeTheYamlReaderSeesIt() throws IOException {
        String csv = "label,2023\nA,1\nB,2\nTotal,3\n";
        Path ok = filing(temp.resolve("ok"), csv, SUM_RULE.replace("A and B make the total", "x".repeat(99_000)));
        assertEquals(0, Run.of("check", "-q", ok.toString()).exitCode());
        Path dir = filing(temp.resolve("f"), csv, SUM_RULE.replace("A and B make the total", "\"" + "x".repeat(1_000_000) + "\""));
        assertRefused(Run.of("check", dir.toString()), "rules.yaml:3:100001:", "the line is 1,000,013 characters long",
                "over the limit of 100,000 characters for a line of YAML");
    }

    @Test
    void yamlValueOverTheLimit_isRefused_evenOnShortLines() throws IOException {
        String title = "\"" + String.join("\n      ", java.util.Collections.nCopies(2_000, "x".repeat(70))) + "\"";
        Path dir = filing(temp.resolve("f"), "label,2023\nA,1\nB,2\nTotal,3\n", SUM_RULE.replace("A and B make the total", title));
        assertRefused(Run.of("check", dir.toString()), "rules.yaml:3:12:", "a value of 141,999 characters, over the limit of 100,000 characters");
    }

    @Test
    void announcementLineOverTheLimit_isRefusedByExtract() throws IOException {
        Path text = temp.resolve("a.txt");
        Files.writeString(text, "Results announcement\n\n" + "9\t".repeat(60_000) + "\n");
        assertRefused(Run.of("extract", text.toString(), "-o", temp.resolve("out").toString()), "a.txt:3:100001:",
                "the line is 120,000 characters long, over the limit of 100,000 characters for a line of an announcement");
        assertFalse(Files.exists(temp.resolve("out")));
    }

    @Test
    void announcementRowOverTheColumnLimit_isRefusedByExtract() throws IOException {
        Path text = temp.resolve("a.txt");
        Files.writeString(text, "Results announcement\n\nRevenue" + "\t1".repeat(1_000) + "\n");
        assertRefused(Run.of("extract", text.toString(), "-o", temp.resolve("out").toString()), "a.txt:3:",
                "the line has 1,001 tab-separated cells, over the limit of 1,000 columns");
    }

    @Test
    void announcementOverSixteenMiB_isRefusedBeforeReading() throws IOException {
        Path text = temp.resolve("a.txt");
        try (Writer w = Files.newBufferedWriter(text, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 17 * 1024 * 1024 / 64; i++) {
                w.write("Results announcement prose that goes on and on and on and on..\n");
            }
        }
        assertRefused(Run.of("extract", text.toString(), "-o", temp.resolve("out").toString()),
                "a.txt: the file is 1", "MiB, over the 16.0 MiB limit for an announcement");
    }

    /** A table of {@code n} rows Row 1 ... Row n, then A, B and Total, in one column. */
    static void rows(Path csv, int n) throws IOException {
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("label,2023\n");
            for (int i = 1; i <= n - 3; i++) {
                w.write("Row " + i + ",1\n");
            }
            w.write("A,1\nB,2\nTotal,3\n");
        }
    }
}
