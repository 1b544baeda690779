package dev.crossfoot.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** A copy of a filing directory in which a test may change figures; the original is never touched. */
public final class FilingCopy {

    public static final Path SENSETIME = Path.of("fixtures/sensetime-2023");

    private final Path dir;

    private FilingCopy(Path dir) {
        this.dir = dir;
    }

    public static FilingCopy of(Path source, Path tempRoot) {
        try {
            Path target = Files.createTempDirectory(tempRoot, source.getFileName().toString());
            try (Stream<Path> files = Files.list(source)) {
                for (Path f : files.toList()) {
                    Files.copy(f, target.resolve(f.getFileName()));
                }
            }
            return new FilingCopy(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public String path() {
        return dir.toString();
    }

    /**
     * Replaces one cell. {@code row} is "Label" or "Section > Label" ("(unlabelled)" for an empty label).
     *
     * @return the text the cell held before
     */
    public String set(String file, String row, String column, UnaryOperator<String> change) {
        Csv csv = csv(file);
        int col = csv.header.indexOf(column);
        if (col < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + file + ": " + csv.header);
        }
        String before = null;
        for (List<String> values : csv.rows) {
            if (csv.name(values).equals(row)) {
                if (before != null) {
                    throw new IllegalArgumentException("row " + row + " twice in " + file);
                }
                before = values.get(col);
                values.set(col, change.apply(before));
            }
        }
        if (before == null) {
            throw new IllegalArgumentException("no row " + row + " in " + file);
        }
        write(file, csv.header, csv.rows);
        return before;
    }

    public String set(String file, String row, String column, String value) {
        return set(file, row, column, old -> value);
    }

    /**
     * Deletes one row, as if the issuer had not printed it. {@code row} is "Label" or "Section > Label" ("(unlabelled)"
     * for an empty label); it must be there once. A unit filing.yaml declares for the row goes with it.
     */
    public void remove(String file, String row) {
        Csv csv = csv(file);
        List<List<String>> kept = csv.rows.stream().filter(values -> !csv.name(values).equals(row)).toList();
        if (kept.size() != csv.rows.size() - 1) {
            throw new IllegalArgumentException((kept.size() == csv.rows.size() ? "no row " : "row twice: ") + row + " in " + file);
        }
        write(file, csv.header, kept);
        dropRowUnit(file, row);
    }

    /**
     * Drops the unit filing.yaml declares for a row that was removed (a row's unit must name a row of the table), in the
     * entry of the table whose file it is, declared under its label or as "Section > Label"; nothing when there is none.
     */
    private void dropRowUnit(String file, String row) {
        Path yaml = dir.resolve("filing.yaml");
        if (!Files.isRegularFile(yaml)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(yaml, StandardCharsets.UTF_8);
            int at = -1;
            for (int i = 0; i < lines.size(); i++) {
                String t = lines.get(i).strip();
                if (t.startsWith("file:") && t.substring(5).strip().replaceAll("^[\"']|[\"']$", "").equals(file)) {
                    at = i;
                }
            }
            if (at < 0) {
                return;
            }
            int start = at;
            while (start > 0 && !lines.get(start).stripLeading().startsWith("- ")) {
                start--;
            }
            String label = row.contains(" > ") ? row.substring(row.indexOf(" > ") + 3) : row;
            List<String> kept = new ArrayList<>(lines.subList(0, start + 1));
            int i = start + 1;
            for (; i < lines.size() && !lines.get(i).stripLeading().startsWith("- "); i++) {
                String key = yamlKey(lines.get(i));
                if (key == null || !(key.equals(row) || key.equals(label))) {
                    kept.add(lines.get(i));
                }
            }
            kept.addAll(lines.subList(i, lines.size()));
            if (kept.size() != lines.size()) {
                Files.write(yaml, kept, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key of a "key: value" line of YAML, unquoted; null for another line. */
    private static String yamlKey(String line) {
        String t = line.strip();
        if (t.startsWith("\"") || t.startsWith("'")) {
            int end = t.indexOf(t.charAt(0), 1);
            return end > 0 && t.startsWith(":", end + 1) ? t.substring(1, end) : null;
        }
        int colon = t.indexOf(": ");
        return colon > 0 ? t.substring(0, colon) : null;
    }

    /** A table's CSV as read: its header and its rows' values. */
    private record Csv(List<String> header, List<List<String>> rows) {
        /** How a test names the row: "Label" or "Section > Label". */
        String name(List<String> values) {
            int label = header.indexOf("label");
            int section = header.indexOf("section");
            String l = values.get(label).isEmpty() ? "(unlabelled)" : values.get(label);
            return section < 0 || values.get(section).isEmpty() ? l : values.get(section) + " > " + l;
        }
    }

    private Csv csv(String file) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        List<List<String>> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(dir.resolve(file), StandardCharsets.UTF_8); CSVParser p = CSVParser.parse(r, format)) {
            for (CSVRecord rec : p) {
                List<String> values = new ArrayList<>();
                rec.forEach(values::add);
                rows.add(values);
            }
            return new Csv(p.getHeaderNames(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String file, List<String> header, List<List<String>> rows) {
        try (Writer w = Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").build())) {
            out.printRecord(header);
            for (List<String> values : rows) {
                out.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(String file, String content) {
        try {
            Files.writeString(dir.resolve(file), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A printed figure moved by {@code units} units of its last printed digit, printed the same way:
     * "(1,905,055)" by 997 gives "(1,906,052)"; a dash gives "997"; the sign is kept and "%" stays.
     */
    public static String bump(String printed, int units) {
        String t = printed.strip();
        if (t.matches("[-–—−]")) {
            return String.valueOf(units);
        }
        boolean percent = t.endsWith("%");
        String body = percent ? t.substring(0, t.length() - 1) : t;
        boolean paren = body.startsWith("(") && body.endsWith(")");
        if (paren) {
            body = body.substring(1, body.length() - 1);
        }
        boolean minus = body.startsWith("-");
        if (minus) {
            body = body.substring(1);
        }
        BigDecimal v = new BigDecimal(body.replace(",", ""));
        BigDecimal moved = v.add(new BigDecimal(BigInteger.valueOf(units), v.scale()));
        String digits = String.format(java.util.Locale.ROOT, "%,." + v.scale() + "f", moved);
        String out = paren ? "(" + digits + ")" : minus ? "-" + digits : digits;
        return percent ? out + "%" : out;
    }

    /** A digest of every file under a directory (names and bytes), to prove a run wrote nothing into it. */
    public static String checksum(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : files.sorted().toList()) {
                md.update(dir.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                if (Files.isRegularFile(f)) {
                    md.update(Files.readAllBytes(f));
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
