package dev.crossfoot.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.crossfoot.model.InputException;
import dev.crossfoot.parse.FilingReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Fuzzes the CSV table loader: any bytes give a table or an InputException, never another exception. */
class TableLoaderFuzzTest {

    private static final String FILING = """
            issuer: Fuzz
            periods: ["2023", "2022"]
            markers:
              "*": {meaning: less than RMB1,000, min: "0", max: "1", unit: "RMB'000"}
            tables:
              - id: t
                file: t.csv
                unit: RMB'000
                max_decimals: 2
                columns: {"2023 %": "%", Note: text}
                rows: {"Per share": RMB per share}
            """;

    private static Path dir;

    static synchronized Path dir() throws IOException {
        if (dir == null) {
            dir = FuzzFiling.create("crossfoot-fuzz-csv", Map.of("filing.yaml", FILING));
        }
        return dir;
    }

    @FuzzTest(maxDuration = "60s")
    void anyBytes_areATableOrAnInputError(byte[] csv) throws IOException {
        Path d = dir();
        Files.write(d.resolve("t.csv"), csv);
        try {
            FilingReader.read(d);
        } catch (InputException e) {
            FuzzFiling.assertOneLine(e);
        }
    }
}
