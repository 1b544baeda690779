package dev.crossfoot.bench;

import dev.crossfoot.model.Filing;
import dev.crossfoot.parse.FilingReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Table loading: the same CSV bytes (one generated table of {@value #ROWS} rows: section, label and two
 * period columns of figures as printed) read two ways.
 *
 * <ul>
 *   <li>{@code commonsCsvRaw}, the reference: Apache Commons CSV with crossfoot's own CSV format over a
 *       buffered UTF-8 reader, touching every value of every record;</li>
 *   <li>{@code crossfootLoader}: {@link FilingReader#read} on a filing directory holding only that table
 *       (its tiny filing.yaml is parsed too): records, figures, units, cells, rows.</li>
 * </ul>
 *
 * <p>The score is whole tables per second; the secondary metrics {@code bytes} and {@code rows} give the
 * same throughput in bytes and rows per second. Target: crossfoot at least 50% of the reference.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)  // one crossfoot load takes about a second: 2 s holds a few
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})  // a fixed heap: no resizing pauses in one iteration and not the next
public class TableLoadBenchmark {

    public static final int ROWS = 200_000;

    /** crossfoot's table format (as in CsvTableReader), so that both sides parse the same dialect. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .setAllowMissingColumnNames(false)
            .setIgnoreEmptyLines(false)
            .build();

    private Path dir;
    private Path csv;
    private long bytes;

    /** Bytes and rows read, reported per second next to the score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Volume {
        public long bytes;
        public long rows;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
            rows = 0;
        }
    }

    @Setup(Level.Trial)
    public void write() throws IOException {
        dir = Files.createTempDirectory("crossfoot-jmh-table");
        csv = dir.resolve("ledger.csv");
        Random r = new Random(7);
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("section,label,2023,2022\n");
            for (int i = 1; i <= ROWS; i++) {
                String section = i % 50 == 0 ? "\"Current assets, other\"" : "Section " + (i / 1000);
                w.write(section + ",Line item " + i + "," + figure(r) + "," + figure(r) + "\n");
            }
        }
        Files.writeString(dir.resolve(FilingReader.FILING_FILE), """
                issuer: Synthetic Ltd.
                document: One table of %d rows (TableLoadBenchmark)
                periods: ["2023", "2022"]
                tables:
                  - id: ledger
                    title: A long ledger
                    file: ledger.csv
                    unit: RMB'000
                """.formatted(ROWS));
        bytes = Files.size(csv);
    }

    /** A figure as printed: grouped (quoted, it holds commas), in parentheses, a dash, or a small integer. */
    private static String figure(Random r) {
        int k = r.nextInt(100);
        if (k < 3) {
            return "\u2013";
        }
        if (k < 13) {
            return Integer.toString(r.nextInt(1000));
        }
        String g = String.format(Locale.ROOT, "%,d", 1000 + r.nextInt(99_999_000));
        return k < 30 ? "\"(" + g + ")\"" : "\"" + g + "\"";
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public long commonsCsvRaw(Volume v, Blackhole bh) throws IOException {
        long rows = 0;
        try (Reader in = new InputStreamReader(new BufferedInputStream(Files.newInputStream(csv), 1 << 16), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, FORMAT)) {
            for (CSVRecord rec : parser) {
                for (String value : rec) {
                    bh.consume(value);
                }
                rows++;
            }
        }
        check(rows);
        v.rows += rows;
        v.bytes += bytes;
        return rows;
    }

    @Benchmark
    public Filing crossfootLoader(Volume v) {
        Filing f = FilingReader.read(dir);
        long rows = f.tables().get("ledger").rows().size();
        check(rows);
        v.rows += rows;
        v.bytes += bytes;
        return f;
    }

    private static void check(long rows) {
        if (rows != ROWS) {
            throw new IllegalStateException("read " + rows + " rows, expected " + ROWS);
        }
    }
}
