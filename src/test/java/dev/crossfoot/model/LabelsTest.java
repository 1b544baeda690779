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
    void nearest_ranksByEditDistance() {
        List<String> near = Labels.nearest("Revenu", List.of("Cost of sales", "Revenue", "Gross profit"), 2);
        assertEquals("Revenue", near.get(0));
    }
}
