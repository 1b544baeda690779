package dev.crossfoot.extract;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes an {@link Extraction} as a filing directory: {@code filing.yaml} and one CSV per table, in exactly the
 * format {@code crossfoot check} reads. The texts are produced in memory first ({@link #files}), so a caller
 * can write them all or nothing.
 */
public final class FilingWriter {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").build();

    private FilingWriter() {
    }

    /** The files of the filing directory, by name, in the order they should be written. */
    public static Map<String, String> files(Extraction x) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("filing.yaml", filingYaml(x));
        for (Extraction.Table t : x.tables()) {
            out.put(t.file(), csv(t));
        }
        return out;
    }

    /** Writes the files into {@code dir} (which must exist). */
    public static void write(Path dir, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> e : files.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** One table as CSV: a section column where any row has a section, the label, then the columns as printed. */
    static String csv(Extraction.Table t) {
        StringWriter w = new StringWriter();
        boolean sections = t.hasSections();
        try (CSVPrinter p = new CSVPrinter(w, FORMAT)) {
            List<String> header = new ArrayList<>();
            if (sections) {
                header.add("section");
            }
            header.add("label");
            header.addAll(t.columns());
            p.printRecord(header);
            for (Extraction.Row r : t.rows()) {
                List<String> record = new ArrayList<>();
                if (sections) {
                    record.add(r.section());
                }
                record.add(r.label());
                record.addAll(r.cells());
                while (record.size() < header.size()) {
                    record.add("");
                }
                p.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    static String filingYaml(Extraction x) {
        List<String> periods = x.periods();
        StringBuilder y = new StringBuilder();
        y.append("# Written by crossfoot extract from ").append(x.source()).append(".\n");
        y.append("issuer: ").append(q(x.issuer())).append('\n');
        y.append("document: ").append(q(x.document())).append('\n');
        y.append("periods: [");
        for (int i = 0; i < periods.size(); i++) {
            y.append(i == 0 ? "" : ", ").append(q(periods.get(i)));
        }
        y.append("]\n");
        if (!x.markers().isEmpty()) {
            y.append("markers:\n");
            for (Extraction.Marker m : x.markers().values()) {
                y.append("  ").append(q(m.text())).append(":\n");
                y.append("    meaning: ").append(q(m.meaning())).append('\n');
                if (m.min() != null) {
                    y.append("    min: ").append(q(m.min())).append('\n');
                    y.append("    max: ").append(q(m.max())).append('\n');
                    y.append("    unit: ").append(q(m.unit())).append('\n');
                }
            }
        }
        y.append("tables:\n");
        for (Extraction.Table t : x.tables()) {
            y.append("  - id: ").append(q(t.id())).append('\n');
            y.append("    title: ").append(q(t.title())).append('\n');
            y.append("    role: ").append(q(t.role())).append('\n');
            y.append("    file: ").append(q(t.file())).append('\n');
            y.append("    source: ").append(q(source(x, t))).append('\n');
            if (x.paged()) {
                int from = x.page(t.firstLine());
                int to = x.page(t.lastLine());
                y.append("    pages: ").append(q(from == to ? String.valueOf(from) : from + "-" + to)).append('\n');
            }
            y.append("    unit: ").append(q(t.unit())).append('\n');
            map(y, "columns", t.columnUnits());
            map(y, "rows", t.rowUnits());
        }
        return y.toString();
    }

    /** Where the table was printed: its lines in the text, or its pages and lines in the PDF. */
    private static String source(Extraction x, Extraction.Table t) {
        if (!x.paged()) {
            return "announcement text lines " + t.firstLine() + "-" + t.lastLine();
        }
        return x.source() + " " + x.at(t.firstLine()) + " to " + x.at(t.lastLine());
    }

    static void map(StringBuilder y, String key, Map<String, String> m) {
        if (m.isEmpty()) {
            return;
        }
        y.append("    ").append(key).append(":\n");
        for (Map.Entry<String, String> e : m.entrySet()) {
            y.append("      ").append(q(e.getKey())).append(": ").append(q(e.getValue())).append('\n');
        }
    }

    /** A quoted YAML scalar, with backslash escapes. */
    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
