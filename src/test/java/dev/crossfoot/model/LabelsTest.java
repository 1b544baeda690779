package dev.crossfoot.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void dashKind_spacesAroundDashes_caseAndQuotes_areForgiven() {
        assertEquals(Labels.normalize("Other losses – net"), Labels.normalize("other losses– net"));
        assertEquals(Labels.normalize("Other losses – net"), Labels.normalize("Other losses - net"));
        assertEquals(Labels.normalize("Trade receivables’ aging"), Labels.normalize("Trade receivables' aging"));
        assertEquals(Labels.normalize("Loss  for\u00A0the year"), Labels.normalize("loss for the year"));
    }

    @Test
    void wordsAndMarks_areNotForgiven() {
        assertNotEquals(Labels.normalize("Others*"), Labels.normalize("Others"));
        assertNotEquals(Labels.normalize("Fair value losses of preferred share"), Labels.normalize("Fair value losses of preferred shares"));
    }

    @Test
    void asciiFastPath_agreesWithTheGeneralNormalisation() {
        java.util.Random r = new java.util.Random(42);
        String alphabet = "aZ -\t\n'\"`()/,.&x-  -";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = r.nextInt(12); j > 0; j--) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String x = sb.toString();
            assertEquals(Labels.normalizeUnicode(x), Labels.normalize(x), () -> "[" + x + "]");
        }
    }

    @Test
    void dashesQuotesAndNoBreakSpaces_takeTheFastPath_andAgreeWithTheGeneralNormalisation() {
        String plain = "\u00A0`\u2018\u2019\u201A\u201B\u2032\u201C\u201D\u201E\u201F"
                + "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D";
        for (char c : plain.toCharArray()) {
            assertEquals(Labels.normalizeUnicode(String.valueOf(c)), Labels.normalize(String.valueOf(c)), () -> "U+" + Integer.toHexString(c));
            assertNotEquals(c, Labels.plain(c), () -> "U+" + Integer.toHexString(c) + " is not read on the fast path");
        }
        java.util.Random r = new java.util.Random(7);
        String alphabet = "aZ -\t\n'\"`()x" + plain + "\u2033\u00B4\u00E9\uFF21";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = r.nextInt(12); j > 0; j--) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String x = sb.toString();
            assertEquals(Labels.normalizeUnicode(x), Labels.normalize(x), () -> "[" + x + "]");
        }
    }

    @Test
    void doublePrimeAndAcuteAccent_areLeftToTheGeneralPath() {
        assertEquals("a''b", Labels.normalize("a\u2033b"));
        assertEquals('\u2033', Labels.plain('\u2033'));
        assertEquals('\u00B4', Labels.plain('\u00B4'));
    }

    @Test
    void nearest_ranksByEditDistance() {
        List<String> near = Labels.nearest("Revenu", List.of("Cost of sales", "Revenue", "Gross profit"), 2);
        assertEquals("Revenue", near.get(0));
    }
}
