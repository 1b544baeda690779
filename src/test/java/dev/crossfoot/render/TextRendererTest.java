package dev.crossfoot.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Report;
import dev.crossfoot.result.Status;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The text report at terminal widths: a golden file per width (src/test/resources/render/text-width/), and at
 * every width: lines fit, or are figures or a path that cannot be cut; no figure is cut; every check that did not
 * pass shows its rule's title; the cast shows on passes only.
 */
class TextRendererTest {

    static final Path GOLDEN = Path.of("src/test/resources/render/text-width");
    static final int[] WIDTHS = {60, 80, 100, 132};

    @TempDir
    static Path temp;

    private static final Map<String, Report> SCENARIOS = new LinkedHashMap<>();

    @BeforeAll
    static void scenarios() {
        SCENARIOS.put("sensetime-fault", RenderFixtures.sensetimeFault(temp));
        SCENARIOS.put("case-ratio", RenderFixtures.caseFolder("ratio"));
        SCENARIOS.put("handmade", RenderFixtures.handmade());
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String scenario : List.of("sensetime-fault", "case-ratio", "handmade")) {
            for (int width : WIDTHS) {
                out.add(Arguments.of(scenario, width));
            }
        }
        return out.stream();
    }

    /** The SenseTime fault in full would be 900 lines a width: its golden files hold the quiet report. */
    static String render(String scenario, int width) {
        StringWriter out = new StringWriter();
        try {
            new TextRenderer(false, scenario.equals("sensetime-fault"), width).render(SCENARIOS.get(scenario), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @ParameterizedTest(name = "{0} at {1} columns")
    @MethodSource("cases")
    void matchesGolden(String scenario, int width) throws IOException {
        RendererContractTest.assertGolden(GOLDEN, scenario + ".w" + width + ".txt", render(scenario, width));
    }

    @ParameterizedTest(name = "{0} at {1} columns")
    @MethodSource("cases")
    void linesFit_figuresWhole_titlesShown_castOnPassesOnly(String scenario, int width) {
        String text = render(scenario, width);
        List<String> lines = text.lines().toList();
        for (String line : lines) {
            if (Width.of(line) > width) {
                String body = line.strip();
                boolean figures = body.matches("[-+(),.0-9%±A-Z/ ]+( exact| rounding)?") && !body.contains("  PASS");
                boolean unbreakable = !body.contains(" ") || (body.startsWith("[") && body.endsWith("]"));
                assertTrue(figures || unbreakable, width + " columns, a line of " + Width.of(line) + ": " + line);
            }
        }
        List<String> words = List.of(text.split("\\s+"));
        for (FilingReport f : SCENARIOS.get(scenario).filings()) {
            for (Finding x : f.findings()) {
                if (scenario.equals("sensetime-fault") && x.status() == Status.PASS) {
                    continue;
                }
                if (x.computed() != null) {
                    assertTrue(words.contains(x.reported()), "reported figure whole: " + x.reported());
                }
                if (x.status() != Status.PASS && !x.title().isBlank()) {
                    String title = x.title().replaceAll("\\s+", " ");
                    assertTrue(text.replaceAll("\\s+", " ").contains(title), "the title of " + x.id() + ": " + title);
                }
            }
        }
        for (String line : lines) {
            if (line.startsWith("  FAIL ") || line.startsWith("  WARN ") || line.startsWith("  ERROR")) {
                assertFalse(line.endsWith(" exact") || line.endsWith(" rounding"), "a cast on a check that did not pass: " + line);
            }
        }
    }

    @Test
    void labelsAreCut_figuresNever_andACutRuleIdIsNamedWholeUnderItsCheck() {
        for (int width : WIDTHS) {
            List<String> lines = render("sensetime-fault", width).lines().toList();
            int fail = 0;
            while (!lines.get(fail).startsWith("  FAIL  CF-OPS-NET")) {
                fail++;
            }
            String check = lines.get(fail) + lines.get(fail + 1);
            assertTrue(check.contains("(3,234,260)") && check.contains("-3,234,270") && check.contains(" -10 ")
                    && check.contains("±1.5"), width + " columns: the figures whole\n" + check);
        }
        String hundred = render("sensetime-fault", 100);
        assertTrue(hundred.contains("  WARN  MDNA-TRA-3Y-PLUS-20…  2022"), "cut at 100 columns:\n" + hundred);
        assertTrue(hundred.contains("\n        MDNA-TRA-3Y-PLUS-2022: MD&A aging - more than 3 years agrees with Note 11(ii), 2022\n"),
                "named whole under its check, with its title:\n" + hundred);
        assertTrue(render("sensetime-fault", 132).contains("\n  WARN  MDNA-TRA-3Y-PLUS-2022  "), "whole at 132 columns");
    }

    @Test
    void wideCharacters_takeTwoColumns_andCutsNeverSplitThem() {
        assertEquals(4, Width.of("收入"));
        assertEquals(1, Width.of("e\u0301"), "a combining accent takes no column");
        assertEquals("收…", Width.cut("收入總額", 4));
        assertEquals("…總額", Width.cutStart("收入總額", 5));
        assertEquals("Revenue", Width.cut("Revenue", 7));
        assertEquals("Reven…", Width.cut("Revenue total", 6));
        assertEquals(List.of("  one two", "    three"), Width.wrap("one two three", "  ", "    ", 10));
        assertEquals(List.of("  a", "    averyveryverylongword", "    b"), Width.wrap("a averyveryverylongword b", "  ", "    ", 10));
    }
}
