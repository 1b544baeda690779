package dev.crossfoot.bench;

import dev.crossfoot.check.CheckOptions;
import dev.crossfoot.check.Checker;
import dev.crossfoot.model.Filing;
import dev.crossfoot.parse.FilingReader;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.rules.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Rule evaluation: {@link Checker#check(Filing, RuleSet)} on the bundled fixture (54 tables, 325 rules,
 * 806 checks), loaded once. The score is filings checked per second (planning, interval evaluation,
 * diagnosis; no I/O, no rendering).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 1)  // C2 is still compiling the planner after 3-5 s on 2 cores
@Measurement(iterations = 5, time = 1)
public class CheckBenchmark {

    private Checker checker;
    private Filing filing;
    private RuleSet rules;

    @Setup
    public void setup() {
        Path dir = fixture();
        checker = new Checker(CheckOptions.DEFAULT);
        filing = FilingReader.read(dir);
        rules = checker.rules(dir);
        int checks = checker.check(filing, rules).findings().size();
        if (checks != 806) {
            throw new IllegalStateException(dir + ": expected 806 checks, got " + checks);
        }
    }

    /** The bundled fixture: -Dcrossfoot.fixture=DIR, else fixtures/sensetime-2023 under the working directory. */
    static Path fixture() {
        Path dir = Path.of(System.getProperty("crossfoot.fixture", "fixtures/sensetime-2023"));
        if (!Files.isRegularFile(dir.resolve(FilingReader.FILING_FILE))) {
            throw new IllegalStateException("no fixture at " + dir.toAbsolutePath() + "; set -Dcrossfoot.fixture=DIR");
        }
        return dir;
    }

    @Benchmark
    public FilingReport check() {
        return checker.check(filing, rules);
    }
}
