package dev.crossfoot.bench;

import dev.crossfoot.model.FigureFormatException;
import dev.crossfoot.model.FigureParser;
import dev.crossfoot.model.MarkerSpec;
import dev.crossfoot.model.Unit;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link FigureParser#parse} over a realistic mix of printed figures: grouped integers, negatives in
 * parentheses, decimals, dashes, percentages (with and without the sign), small plain integers and a
 * marker. The score is figures parsed per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FigureParseBenchmark {

    static final int FIGURES = 1024;

    private final String[] printed = new String[FIGURES];
    private final Unit[] units = new Unit[FIGURES];
    private final Map<String, MarkerSpec> markers = Map.of();

    @Setup
    public void setup() {
        Random r = new Random(42);
        Unit thousands = Unit.parse("RMB'000");
        Unit millions = Unit.parse("RMB million");
        for (int i = 0; i < FIGURES; i++) {
            int k = r.nextInt(100);
            Unit unit = thousands;
            String s;
            if (k < 35) {                       // 3,405,842
                s = grouped(1000 + r.nextInt(9_999_000));
            } else if (k < 55) {                // (1,905,055)
                s = "(" + grouped(1000 + r.nextInt(9_999_000)) + ")";
            } else if (k < 68) {                // 1,183.7 / (4,369.0) / 383.7
                unit = millions;
                String d = grouped(r.nextInt(9_999)) + "." + r.nextInt(10);
                s = r.nextInt(4) == 0 ? "(" + d + ")" : d;
            } else if (k < 73) {                // nil
                s = new String[] {"\u2013", "-", "\u2014"}[r.nextInt(3)];
            } else if (k < 88) {                // 53.9 / 53.9% / (10.6)% / -10.6
                unit = Unit.PERCENT;
                String p = r.nextInt(100) + "." + r.nextInt(10);
                s = switch (r.nextInt(4)) {
                    case 0 -> p;
                    case 1 -> p + "%";
                    case 2 -> "(" + p + ")%";
                    default -> "-" + p;
                };
            } else if (k < 99) {                // 698
                s = Integer.toString(r.nextInt(1000));
            } else {                            // a marker
                s = "*";
            }
            printed[i] = s;
            units[i] = unit;
        }
    }

    private static String grouped(int n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    @Benchmark
    @OperationsPerInvocation(FIGURES)
    public void parse(Blackhole bh) throws FigureFormatException {
        for (int i = 0; i < FIGURES; i++) {
            bh.consume(FigureParser.parse(printed[i], units[i], markers));
        }
    }
}
