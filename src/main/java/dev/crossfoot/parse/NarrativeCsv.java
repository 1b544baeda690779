package dev.crossfoot.parse;

import dev.crossfoot.model.InputException;
import dev.crossfoot.model.NarrativeFigure;
import dev.crossfoot.model.SourceLocation;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the {@code narrative.csv} of a filing directory, as {@code crossfoot extract} writes it: one row per figure
 * of the announcement's prose. A filing without one has no narrative figures.
 */
public final class NarrativeCsv {

    /** The file of a filing directory that holds the figures of the announcement's prose. */
    public static final String FILE = "narrative.csv";

    private NarrativeCsv() {
    }

    /** The narrative of a filing: the document its figures were read from, and the figures. */
    public record Narrative(String document, List<NarrativeFigure> figures) {
        public static final Narrative NONE = new Narrative("", List.of());

        public Narrative {
            figures = List.copyOf(figures);
        }
    }

    /**
     * The narrative figures of a filing directory, or none when it has no narrative.csv.
     *
     * @throws InputException naming the file and line, when a row is not as extract writes it
     */
    public static Narrative read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Narrative.NONE;
        }
        String shown = file.toString();
        String text;
        try {
            if (Files.size(file) > Yaml.MAX_CODE_POINTS * 4L) {
                throw new InputException(SourceLocation.of(shown), "larger than " + Sizes.megabytes(Yaml.MAX_CODE_POINTS * 4L)
                        + "; it is not a narrative.csv crossfoot extract wrote");
            }
            text = Utf8.decode(Files.readAllBytes(file), shown);
        } catch (IOException e) {
            throw new InputException(SourceLocation.of(shown), "cannot read: " + e.getMessage(), e);
        }
        List<NarrativeFigure> out = new ArrayList<>();
        String document = "";
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        try (CSVParser p = CSVParser.parse(new StringReader(text), format)) {
            for (String column : List.of("document", "line", "at", "figure", "kind", "value", "unit", "scale", "period", "item")) {
                if (!p.getHeaderMap().containsKey(column)) {
                    throw new InputException(SourceLocation.of(shown, 1), "no column '" + column
                            + "'; narrative.csv is written by 'crossfoot extract': extract the announcement again");
                }
            }
            for (CSVRecord r : p) {
                int line = (int) r.getRecordNumber() + 1;
                document = get(r, "document");
                out.add(figure(r, shown, line));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InputException(SourceLocation.of(shown), "not a well-formed CSV (" + Yaml.firstLine(e.getMessage())
                    + "); extract the announcement again", e);
        }
        return new Narrative(document, out);
    }

    private static NarrativeFigure figure(CSVRecord r, String shown, int line) {
        NarrativeFigure.Kind kind = NarrativeFigure.Kind.of(get(r, "kind"));
        if (kind == null) {
            throw new InputException(SourceLocation.of(shown, line), "kind '" + get(r, "kind")
                    + "' is not one of amount, change, share, margin, percent, count");
        }
        try {
            return new NarrativeFigure(Integer.parseInt(get(r, "line")), get(r, "at"), get(r, "figure"), kind,
                    new BigDecimal(get(r, "value")), get(r, "unit"), Integer.parseInt(get(r, "scale")), get(r, "bound"),
                    get(r, "period"), get(r, "item"), get(r, "words"), get(r, "base"), get(r, "direction"),
                    get(r, "comparison"), get(r, "sentence"));
        } catch (NumberFormatException e) {
            throw new InputException(SourceLocation.of(shown, line), "line, value and scale must be numbers ('"
                    + get(r, "line") + "', '" + get(r, "value") + "', '" + get(r, "scale") + "'); extract the announcement again");
        }
    }

    private static String get(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column) : "";
    }
}
