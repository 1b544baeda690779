package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossfoot.testing.FilingCopy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each diagnosis appears for the fault it describes, and no other diagnosis appears with it. */
class DiagnosisTest {

    @TempDir
    Path temp;

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("sign flip", "cash-flows.csv", "Cash flows from investing activities > Interest received from banks", "2023",
                        "(356,068)", "CF-INV-NET@2023", List.of("sign flipped? the difference, -712,136, is twice cash-flows[Cash flows from investing activities > Interest received from banks][2023]")),
                Arguments.of("transposed digits", "cash-flows.csv", "Cash flows from financing activities > Proceeds from borrowings", "2023",
                        "1,646,477", "CF-FIN-NET@2023", List.of("digits transposed or slid? the difference, 1,800, is divisible by 9: cash-flows[Cash flows from financing activities > Proceeds from borrowings][2023] printed 1,646,477 may be 1,644,677 (two digits transposed)")),
                Arguments.of("item left out of the total", "cash-flows.csv", "Cash flows from financing activities > Net cash generated from financing activities", "2023",
                        "1,097,572", "CF-FIN-NET@2023", List.of("item omitted? the difference, -13,989, equals cash-flows[Cash flows from financing activities > Interest elements of lease payments][2023] ((13,989))")),
                Arguments.of("unit slip", "cash-flows.csv", "Cash flows from operating activities > Income tax paid", "2023",
                        "(21,931,000)", "CF-OPS-NET@2023", List.of("unit slip? cash-flows[Cash flows from operating activities > Income tax paid][2023] ((21,931,000)) looks 1,000 times too large")),
                Arguments.of("one matrix cell", "note-10-property-plant-and-equipment-2023.csv", "Year ended December 31, 2023 > Additions", "Office equipment and furniture",
                        "18,707", "PPE-2023-ROLL@Office equipment and furniture", List.of(
                                "digits transposed or slid? the difference, 630, is divisible by 9: note-10-property-plant-and-equipment-2023[Year ended December 31, 2023 > Additions][Office equipment and furniture] printed 18,707 may be 18,077 (two digits transposed)",
                                "one cell breaks both checks: note-10-property-plant-and-equipment-2023[Year ended December 31, 2023 > Additions][Office equipment and furniture] printed 18,707; 18,077 would make both PPE-2023-XFOOT@Total#Year ended December 31, 2023 > Additions and PPE-2023-ROLL@Office equipment and furniture pass")),
                Arguments.of("a change that fits no pattern", "cash-flows.csv", "Cash flows from operating activities > Income tax paid", "2023",
                        "(22,928)", "CF-OPS-NET@2023", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void diagnosis_fitsTheFault_andNothingElseIsClaimed(String fault, String file, String row, String column, String value,
                                                         String checkId, List<String> expected) throws Exception {
        FilingCopy copy = FilingCopy.of(FilingCopy.SENSETIME, temp);
        copy.set(file, row, column, value);
        Run run = Run.of("check", "--format", "json", copy.path());
        assertEquals(1, run.exitCode(), run::toString);
        JsonNode check = null;
        for (JsonNode c : new ObjectMapper().readTree(run.out()).get("filings").get(0).get("checks")) {
            if (c.get("id").asText().equals(checkId)) {
                check = c;
            }
        }
        assertTrue(check != null && check.get("status").asText().equals("fail"), checkId + " should fail");
        List<String> actual = new ArrayList<>();
        check.get("diagnoses").forEach(d -> actual.add(d.get("text").asText()));
        assertEquals(expected.size(), actual.size(), () -> "diagnoses: " + actual);
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(actual.get(i).startsWith(expected.get(i)), "expected " + expected.get(i) + "\n but was " + actual.get(i));
        }
    }

    @Test
    void diagnosesInJson_areObjectsWithAKindAndTheFiguresTheyName() throws Exception {
        FilingCopy copy = FilingCopy.of(FilingCopy.SENSETIME, temp);
        copy.set("note-10-property-plant-and-equipment-2023.csv", "Year ended December 31, 2023 > Additions",
                "Office equipment and furniture", "18,707");
        Run run = Run.of("check", "--format", "json", copy.path());
        JsonNode roll = null;
        for (JsonNode c : new ObjectMapper().readTree(run.out()).get("filings").get(0).get("checks")) {
            if (c.get("id").asText().equals("PPE-2023-ROLL@Office equipment and furniture")) {
                roll = c;
            }
        }
        assertTrue(roll != null, run::toString);
        JsonNode digits = roll.get("diagnoses").get(0);
        assertEquals("digits-transposed", digits.get("kind").asText());
        assertEquals("630", digits.get("difference").asText());
        JsonNode suspect = digits.get("suspects").get(0);
        assertEquals("note-10-property-plant-and-equipment-2023", suspect.get("table").asText());
        assertEquals("Year ended December 31, 2023 > Additions", suspect.get("row").asText());
        assertEquals("Office equipment and furniture", suspect.get("column").asText());
        assertEquals("18,707", suspect.get("printed").asText());
        assertEquals("18077", suspect.get("shouldBe").asText());
        assertEquals("two digits transposed", suspect.get("how").asText());
        JsonNode matrix = roll.get("diagnoses").get(1);
        assertEquals("matrix-cell", matrix.get("kind").asText());
        assertEquals("18077", matrix.get("suspects").get(0).get("shouldBe").asText());
        assertEquals(List.of("PPE-2023-XFOOT@Total#Year ended December 31, 2023 > Additions", "PPE-2023-ROLL@Office equipment and furniture"),
                List.of(matrix.get("checks").get(0).asText(), matrix.get("checks").get(1).asText()));
    }
}
