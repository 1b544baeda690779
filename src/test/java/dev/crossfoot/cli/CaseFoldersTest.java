package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each folder under src/test/resources/cases is a small filing with its rules and, beside them,
 * expected.tsv: the expected exit code ("# exit N") and one line per check (id, status, exact or rounding).
 */
class CaseFoldersTest {

    static final Path CASES = Path.of("src/test/resources/cases");

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(CASES)) {
            return s.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findings_matchExpectedBesideTheFixture(Path dir) throws IOException {
        List<String> expected = new ArrayList<>();
        int exit = -1;
        for (String line : Files.readAllLines(dir.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            if (line.startsWith("# exit ")) {
                exit = Integer.parseInt(line.substring(7).strip());
            } else if (!line.startsWith("#") && !line.isBlank()) {
                expected.add(line);
            }
        }
        Run run = Run.of("check", "--format", "json", dir.toString());
        assertEquals(exit, run.exitCode(), run::toString);
        JsonNode doc = new ObjectMapper().readTree(run.out());
        List<String> actual = new ArrayList<>();
        for (JsonNode c : doc.get("filings").get(0).get("checks")) {
            String cast = c.get("status").asText().equals("error") ? "-" : c.get("exact").asBoolean() ? "exact" : "rounding";
            actual.add(c.get("id").asText() + "\t" + c.get("status").asText() + "\t" + cast);
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual), run::toString);
    }
}
