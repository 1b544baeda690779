package dev.crossfoot.extract;

import dev.crossfoot.model.NarrativeFigure;
import dev.crossfoot.parse.Yaml;
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

    /** The file of a filing directory that holds the figures of the announcement's prose. */
    public static final String NARRATIVE_FILE = "narrative.csv";

    /** The columns of narrative.csv, in order (see {@link NarrativeFigure} for what each holds). */
    public static final List<String> NARRATIVE_COLUMNS = List.of("document", "line", "at", "figure", "kind", "value",
            "unit", "scale", "bound", "period", "item", "words", "base", "direction", "comparison", "sentence");

    private FilingWriter() {
    }

    /** The files of the filing directory, by name, in the order they should be written. */
    public static Map<String, String> files(Extraction x) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("filing.yaml", filingYaml(x));
        for (Extraction.Table t : x.tables()) {
            out.put(t.file(), csv(t));
        }
        if (!x.narrative().isEmpty()) {
            out.put(NARRATIVE_FILE, narrativeCsv(x));
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

    /** The narrative figures as CSV: one row per figure, as printed, with what its sentence says it is about. */
    static String narrativeCsv(Extraction x) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, FORMAT)) {
            p.printRecord(NARRATIVE_COLUMNS);
            for (NarrativeFigure f : x.narrative()) {
                p.printRecord(x.source(), f.line(), f.at(), f.printed(), f.kind().key(), f.value().toPlainString(), f.unit(),
                        f.scale(), f.bound(), f.period(), f.item(), f.words(), f.base(), f.direction(), f.comparison(),
                        f.sentence());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** The filing.yaml of an extraction, written with the YAML codec that {@code check} reads it with. */
    static String filingYaml(Extraction x) {
        return Yaml.write(List.of("Written by crossfoot extract from " + x.source() + "."), y -> {
            y.text("issuer", x.issuer()).text("document", x.document()).texts("periods", x.periods());
            if (!x.markers().isEmpty()) {
                y.map("markers");
                for (Extraction.Marker m : x.markers().values()) {
                    y.map(m.text()).text("meaning", m.meaning());
                    if (m.min() != null) {
                        y.text("min", m.min()).text("max", m.max()).text("unit", m.unit());
                    }
                    y.end();
                }
                y.end();
            }
            y.list("tables");
            for (Extraction.Table t : x.tables()) {
                y.item().text("id", t.id()).text("title", t.title()).text("role", t.role()).text("file", t.file())
                        .text("source", source(x, t));
                if (x.paged()) {
                    int from = x.page(t.firstLine());
                    int to = x.page(t.lastLine());
                    y.text("pages", from == to ? String.valueOf(from) : from + "-" + to);
                }
                y.text("unit", t.unit());
                map(y, "columns", t.columnUnits());
                map(y, "rows", t.rowUnits());
                y.end();
            }
            y.endList();
        });
    }

    /** Where the table was printed: its lines in the text, or its pages and lines in the PDF. */
    private static String source(Extraction x, Extraction.Table t) {
        if (!x.paged()) {
            return "announcement text lines " + t.firstLine() + "-" + t.lastLine();
        }
        return x.source() + " " + x.at(t.firstLine()) + " to " + x.at(t.lastLine());
    }

    /** {@code key:} then each name's unit, when there are any. */
    static void map(Yaml.Writer y, String key, Map<String, String> m) throws IOException {
        if (m.isEmpty()) {
            return;
        }
        y.map(key);
        for (Map.Entry<String, String> e : m.entrySet()) {
            y.text(e.getKey(), e.getValue());
        }
        y.end();
    }
}
