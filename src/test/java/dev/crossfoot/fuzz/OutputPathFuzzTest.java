package dev.crossfoot.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.crossfoot.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * Fuzzes where a report may be written: any path made of the names around a filing (the filing itself, a
 * symlink to it, a hard link to one of its files, its parent, {@code ..}, a table's name) leaves every file of
 * the filing as it was and every link a link; the run either writes outside the input or refuses with exit 2.
 */
class OutputPathFuzzTest {

    private static final String FILING = """
            issuer: Fuzz
            periods: ["2023"]
            tables:
              - id: t
                file: t.csv
                unit: RMB'000
            """;
    private static final String CSV = "label,2023\nRevenue,\"1,000\"\nCost,(400)\nProfit,600\n";
    private static final String RULES = """
            rules:
              - id: P
                title: revenue less cost is profit
                kind: sum
                table: t
                items: [Revenue, Cost]
                total: Profit
            """;
    private static final String[] NAMES = {"f", "l", "hl.csv", "..", ".", "t.csv", "filing.yaml", "rules.yaml", "r.txt", "dl"};

    private static Path root;

    static synchronized Path root() throws IOException {
        if (root == null) {
            root = Files.createTempDirectory("crossfoot-fuzz-out");
            Path f = Files.createDirectories(root.resolve("f"));
            Files.writeString(f.resolve("filing.yaml"), FILING);
            Files.writeString(f.resolve("t.csv"), CSV);
            Files.writeString(f.resolve("rules.yaml"), RULES);
            Files.createSymbolicLink(root.resolve("l"), f);
            Files.createLink(root.resolve("hl.csv"), f.resolve("t.csv"));
            Files.createSymbolicLink(root.resolve("dl"), f.resolve("gone.txt"));
            root.toFile().deleteOnExit();
        }
        return root;
    }

    @FuzzTest(maxDuration = "30s")
    void anyPathAroundAFiling_neverWritesIntoIt(byte[] choice) throws IOException {
        Path r = root();
        Path out = r;
        for (int i = 0; i < Math.min(choice.length, 4); i++) {
            out = out.resolve(NAMES[Math.floorMod(choice[i], NAMES.length)]);
        }
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"check", r.resolve("f").toString(), "-q", "-o", out.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        Path f = r.resolve("f");
        if (!FILING.equals(Files.readString(f.resolve("filing.yaml"))) || !CSV.equals(Files.readString(f.resolve("t.csv")))
                || !RULES.equals(Files.readString(f.resolve("rules.yaml"))) || !CSV.equals(Files.readString(r.resolve("hl.csv")))) {
            throw new AssertionError("the filing was written through " + out + " (exit " + code + ")");
        }
        if (!Files.isSymbolicLink(r.resolve("l")) || !Files.isSymbolicLink(r.resolve("dl"))
                || Files.exists(f.resolve("gone.txt"), LinkOption.NOFOLLOW_LINKS)) {
            throw new AssertionError("a link was replaced or followed through " + out);
        }
        try (var s = Files.list(f)) {
            if (s.count() != 3) {
                throw new AssertionError("a file was added to the filing through " + out);
            }
        }
        if (code != 0 && code != 2) {
            throw new AssertionError("exit " + code + " for " + out + ": " + err);
        }
        // leave the root as it was for the next input: only r.txt may have been written
        Files.deleteIfExists(r.resolve("r.txt"));
    }
}
