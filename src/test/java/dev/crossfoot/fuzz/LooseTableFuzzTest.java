package dev.crossfoot.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.crossfoot.check.CheckOptions;
import dev.crossfoot.check.Checker;
import dev.crossfoot.infer.Inferrer;
import dev.crossfoot.model.Filing;
import dev.crossfoot.model.InputException;
import dev.crossfoot.parse.FilingReader;
import dev.crossfoot.parse.RulesReader;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Status;
import dev.crossfoot.rules.Rule;
import dev.crossfoot.rules.RuleSet;
import dev.crossfoot.parse.RulesWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fuzzes {@code crossfoot foot} on a lone CSV table: any bytes give a table or an InputException; the
 * inference never throws; every relation it confirms passes when checked; and the rules it would emit read
 * back as the same number of rules.
 */
class LooseTableFuzzTest {

    private static Path dir;
    private static final Checker CHECKER = new Checker(new CheckOptions(List.of(), false, BigDecimal.ZERO));

    static synchronized Path dir() throws IOException {
        if (dir == null) {
            dir = FuzzFiling.create("crossfoot-fuzz-loose", Map.of());
        }
        return dir;
    }

    @FuzzTest(maxDuration = "60s")
    void anyBytes_areFootedOrAnInputError_andConfirmedTotalsPass(byte[] csv) throws IOException {
        Path file = dir().resolve("t.csv");
        Files.write(file, csv);
        Filing filing;
        try {
            filing = FilingReader.readTable(file);
        } catch (InputException e) {
            FuzzFiling.assertOneLine(e);
            return;
        }
        Inferrer.Inference inference = new Inferrer(BigDecimal.ZERO).infer(filing);
        FilingReport report = CHECKER.check(filing, new RuleSet(inference.all()));
        Set<String> confirmed = inference.confirmed().stream().map(r -> r.info().id()).collect(Collectors.toSet());
        for (Finding f : report.findings()) {
            if (confirmed.contains(f.rule())) {
                assertEquals(Status.PASS, f.status(), f::toString);
            }
        }
        Path rules = dir().resolve("rules.yaml");
        Files.writeString(rules, RulesWriter.write(inference.confirmed(), List.of("fuzz")));
        List<Rule> back = RulesReader.read(rules, "rules.yaml").rules();
        assertEquals(inference.confirmed().size(), back.size());
        assertTrue(report.error() == null, report::error);
    }
}
