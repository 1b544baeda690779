package dev.crossfoot.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.crossfoot.model.InputException;
import dev.crossfoot.parse.FilingReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
            dir = Files.createTempDirectory("crossfoot-fuzz-csv");
            Files.writeString(dir.resolve("filing.yaml"), FILING, StandardCharsets.UTF_8);
            dir.toFile().deleteOnExit();
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
            if (e.getMessage() == null || e.getMessage().isBlank() || e.oneLine().contains("\n")) {
                throw new AssertionError("input errors are one non-empty line: " + e.oneLine(), e);
            }
        }
    }
}
