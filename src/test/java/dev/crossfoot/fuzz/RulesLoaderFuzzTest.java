package dev.crossfoot.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.crossfoot.check.CheckOptions;
import dev.crossfoot.check.Checker;
import dev.crossfoot.model.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Fuzzes the rules loader and the planning of rules against a small filing: any bytes as rules.yaml give
 * a report or an InputException, never another exception.
 */
class RulesLoaderFuzzTest {

    private static final String FILING = """
            issuer: Fuzz
            periods: ["2023", "2022"]
            tables:
              - id: t
                file: t.csv
                unit: RMB'000
                columns: {"2023 %": "%"}
            """;
    private static final String CSV = "section,label,2023,2022,2023 %\nA,Revenue,\"1,000\",900,100.0\nA,Cost,(400),(300),40.0\n,Profit,600,600,60.0\n";

    private static Path dir;

    static synchronized Path dir() throws IOException {
        if (dir == null) {
            dir = FuzzFiling.create("crossfoot-fuzz-rules", Map.of("filing.yaml", FILING, "t.csv", CSV));
        }
        return dir;
    }

    @FuzzTest(maxDuration = "60s")
    void anyBytes_areRulesOrAnInputError(byte[] rules) throws IOException {
        Path d = dir();
        Files.write(d.resolve("rules.yaml"), rules);
        try {
            new Checker(CheckOptions.DEFAULT).checkOrThrow(d);
        } catch (InputException e) {
            FuzzFiling.assertOneLine(e);
        }
    }
}
