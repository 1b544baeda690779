package dev.crossfoot.parse;

import dev.crossfoot.model.Cell;
import dev.crossfoot.model.Figure;
import dev.crossfoot.model.FigureFormatException;
import dev.crossfoot.model.FigureParser;
import dev.crossfoot.model.InputException;
import dev.crossfoot.model.Labels;
import dev.crossfoot.model.Limits;
import dev.crossfoot.model.MarkerSpec;
import dev.crossfoot.model.Row;
import dev.crossfoot.model.SourceLocation;
import dev.crossfoot.model.Table;
import dev.crossfoot.model.Unit;
import dev.crossfoot.rules.RowRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads one table's CSV file (RFC 4180, UTF-8 with or without BOM, LF, CRLF or CR line ends).
 * The header names the columns: {@code label}, an optional {@code section}, then one column per period
 * or matrix column. Every cell of a numeric column must be a figure as printed.
 */
final class CsvTableReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL) // refused in build(), in crossfoot's words
            .setAllowMissingColumnNames(true) // likewise
            .setIgnoreEmptyLines(false)
            .build();

    /** Column units and row units of one table, from filing.yaml. */
    record Spec(String id, String title, Unit unit, Map<String, Unit> columnUnits, List<String> textColumns,
                Map<String, Unit> rowUnits, Map<String, MarkerSpec> markers, SourceLocation declaredAt,
                Integer maxDecimals) {
    }

    private CsvTableReader() {
    }

    static Table read(Path path, String shownPath, String relativeFile, Spec spec) {
        CsvShape.refuseOversize(path, shownPath);
        Records records = records(path, shownPath, FORMAT);
        return build(records.header(), records.rows(), shownPath, relativeFile, spec);
    }

    /**
     * Reads a table from its file's bytes, read whole by {@link CsvShape#read} (which refused what is over a limit or
     * not text). A file of plain, well-formed CSV in valid UTF-8 (nearly every one) is parsed here from those bytes;
     * anything else is read from the file again as {@link #read(Path, String, String, Spec)} reads it, so what is
     * wrong is said the same way, at the same place.
     *
     * @param bytes the file's bytes, or null to read the file
     */
    static Table read(Path path, String shownPath, String relativeFile, Spec spec, byte[] bytes) {
        Records records = bytes == null ? null : plain(bytes, shownPath);
        if (records == null) {
            return read(path, shownPath, relativeFile, spec);
        }
        return build(records.header(), records.rows(), shownPath, relativeFile, spec);
    }

    /**
     * The records of a CSV file's bytes, as {@link #records} reads them with {@link #FORMAT} (the header, then the rows,
     * each with the line it starts on; empty lines skipped; each row as wide as the header, free of NUL, and the cells
     * within the filing's limit, or the same error), or null when {@link CsvBytes} leaves the bytes to Commons CSV.
     */
    private static Records plain(byte[] bytes, String shownPath) {
        List<CsvBytes.Record> records = CsvBytes.records(bytes);
        if (records == null) {
            return null;
        }
        if (records.isEmpty()) {
            return new Records(List.of(), List.of());
        }
        List<String> header = records.get(0).values();
        List<RawRow> raw = new ArrayList<>(records.size() - 1);
        long cells = 0;
        for (int r = 1; r < records.size(); r++) {
            CsvBytes.Record rec = records.get(r);
            if (rec.values().size() == 1 && rec.values().get(0).isEmpty()) {
                continue; // an empty line carries no figure
            }
            cells = row(rec.values(), rec.line(), header.size(), cells, shownPath);
            raw.add(new RawRow(rec.line(), rec.values()));
        }
        return new Records(header, raw);
    }

    /**
     * Checks one row of a table read with its header: as wide as the header, within the filing's cells, no NUL.
     *
     * @param cells the cells of the rows before it
     * @return the cells with this row's
     */
    private static long row(List<String> values, int line, int width, long cells, String shownPath) {
        if (values.size() != width) {
            throw new InputException(SourceLocation.of(shownPath, line, Math.min(values.size(), width) + 1),
                    "row has " + values.size() + " cells but the header has " + width
                            + "; add or remove cells (quote a cell that contains a comma)");
        }
        cells += values.size();
        if (cells > Limits.MAX_FILING_CELLS) { // counted before reading too (CsvShape); this holds if the file grew since
            CsvShape.refuseMany(cells, 0, shownPath);
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).indexOf('\0') >= 0) {
                throw new InputException(SourceLocation.of(shownPath, line, i + 1), "NUL byte in the cell; "
                        + "the file looks binary or UTF-16: save it as UTF-8 text");
            }
        }
        return cells;
    }

    private record Records(List<String> header, List<RawRow> rows) {
    }

    /** Reads the records of a CSV file: the header names (from the format's header, if it has one) and the rows. */
    private static Records records(Path path, String shownPath, CSVFormat format) {
        // a file of a kind that is not text (FileKind) was refused by CsvShape.cells, which every caller runs first
        List<String> header;
        List<RawRow> raw = new ArrayList<>();
        boolean headerInFormat = format.getHeader() != null;
        long cells = 0;
        try (InputStream in = Files.newInputStream(path);
             Reader reader = utf8(in, CsvShape.size(path));
             CSVParser parser = parse(reader, shownPath, format)) {
            header = headerInFormat ? parser.getHeaderNames() : null;
            Iterator<CSVRecord> it = parser.iterator();
            long linesBefore = parser.getCurrentLineNumber();
            while (true) {
                CSVRecord rec;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    rec = it.next();
                } catch (UncheckedIOException e) {
                    if (e.getCause() instanceof CharacterCodingException) {
                        throw readError(path, shownPath, (int) linesBefore + 1, e.getCause());
                    }
                    throw new InputException(SourceLocation.of(shownPath, (int) linesBefore + 1),
                            "malformed CSV in the record starting here: " + oneLine(e.getCause() == null ? e : e.getCause())
                                    + "; check that every quote is closed (a quote inside a cell is written twice: \"\")");
                } catch (IllegalStateException e) {
                    throw new InputException(SourceLocation.of(shownPath, (int) linesBefore + 1),
                            "malformed CSV in the record starting here: " + oneLine(e) + "; check that every quote is closed");
                }
                int line = (int) linesBefore + 1;
                linesBefore = parser.getCurrentLineNumber();
                if (rec.size() == 1 && rec.get(0).isEmpty()) {
                    continue; // an empty line carries no figure
                }
                if (header == null) {
                    header = new ArrayList<>();
                    rec.forEach(header::add);
                    continue;
                }
                if (!headerInFormat && rec.size() < header.size()) {
                    List<String> padded = new ArrayList<>();
                    rec.forEach(padded::add);
                    while (padded.size() < header.size()) {
                        padded.add("");
                    }
                    raw.add(new RawRow(line, padded));
                    continue;
                }
                List<String> values = new ArrayList<>(rec.size());
                rec.forEach(values::add);
                cells = row(values, line, header.size(), cells, shownPath);
                raw.add(new RawRow(line, values));
            }
        } catch (IOException e) {
            throw readError(path, shownPath, 0, e);
        }
        return new Records(header == null ? List.of() : header, raw);
    }

    private static final CSVFormat LOOSE_FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).build();

    /**
     * Reads a CSV file that comes without a filing.yaml, forgivingly: the first column holds the labels
     * whatever its header says (unless a column is named {@code label}), an optional {@code section}
     * column is used, empty or repeated column names are numbered, short rows are padded with empty cells,
     * and a cell that is not a figure (a date, a word, {@code 12 bps}) becomes a marker that is not a
     * number ({@link FigureParser#loose}). The unit is unknown; a column headed with {@code %} is in %.
     */
    static Table readLoose(Path path, String shownPath, String relativeFile, String id) {
        CsvShape.refuseMany(CsvShape.cells(path, shownPath), 0, shownPath);
        Records records = records(path, shownPath, LOOSE_FORMAT);
        List<String> header = records.header();
        if (header.isEmpty()) {
            throw new InputException(SourceLocation.of(shownPath, 1), "the file is empty; a table needs a header row "
                    + "(label,2023,2022 ...) and one row per printed line");
        }
        int labelAt = 0;
        int sectionAt = -1;
        for (int i = 0; i < header.size(); i++) {
            String lower = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (lower.equals("label")) {
                labelAt = i;
            }
        }
        for (int i = 0; i < header.size(); i++) {
            if (i != labelAt && header.get(i).strip().equalsIgnoreCase("section")) {
                sectionAt = i;
            }
        }
        List<String> names = new ArrayList<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).strip();
            String name = h.isEmpty() ? "column " + (i + 1) : h;
            for (int k = 2; !used.add(name); k++) {
                name = (h.isEmpty() ? "column " + (i + 1) : h) + " (" + k + ")";
            }
            names.add(name);
        }
        List<String> numeric = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (i != labelAt && i != sectionAt) {
                numeric.add(names.get(i));
            }
        }
        for (RawRow rr : records.rows()) {
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                if (i == labelAt || i == sectionAt) {
                    continue;
                }
                String h = names.get(i);
                Unit columnUnit = h.contains("%") || h.toLowerCase(Locale.ROOT).contains("percent") ? Unit.PERCENT : Unit.UNKNOWN;
                Figure f = FigureParser.loose(i < rr.values.size() ? rr.values.get(i) : "", columnUnit);
                Unit unit = f instanceof Figure.Amount a ? a.unit() : f instanceof Figure.Nil n ? n.unit() : columnUnit;
                cells.put(h, new Cell(h, f, unit, SourceLocation.of(shownPath, rr.line, i + 1)));
            }
            String section = sectionAt < 0 ? "" : rr.values.get(sectionAt).strip();
            rows.add(new Row(rows.size(), section, rr.values.get(labelAt).strip(), cells, rr.line));
        }
        if (rows.isEmpty()) {
            throw new InputException(SourceLocation.of(shownPath, 1), "the file has a header but no rows");
        }
        return new Table(id, id, relativeFile, Unit.UNKNOWN, numeric, List.of(), rows);
    }

    /** The header row of a CSV file, as {@link #readLoose} reads it (for guessing what a table's header says). */
    static List<String> header(Path path, String shownPath) {
        CsvShape.refuseMany(CsvShape.cells(path, shownPath), 0, shownPath);
        return records(path, shownPath, LOOSE_FORMAT).header();
    }

    private static CSVParser parse(Reader reader, String shownPath, CSVFormat format) throws IOException {
        try {
            return CSVParser.parse(reader, format);
        } catch (IllegalArgumentException e) {
            throw new InputException(SourceLocation.of(shownPath, 1), "bad header: " + oneLine(e)
                    + "; give every column a distinct, non-empty name");
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new InputException(SourceLocation.of(shownPath, 1), "malformed CSV header: " + oneLine(e));
        }
    }

    private static Table build(List<String> header, List<RawRow> raw, String shownPath, String relativeFile, Spec spec) {
        if (header.isEmpty()) {
            throw new InputException(SourceLocation.of(shownPath, 1), "the file is empty; it needs a header row "
                    + "(section,label,2023,2022 ...) and one row per printed line");
        }
        int labelAt = -1;
        int sectionAt = -1;
        List<String> numeric = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).strip();
            if (h.isEmpty()) {
                throw new InputException(SourceLocation.of(shownPath, 1, i + 1), "column " + (i + 1)
                        + " has no name in the header; name it");
            }
            for (int j = 0; j < i; j++) {
                if (header.get(j).strip().equals(h)) {
                    throw new InputException(SourceLocation.of(shownPath, 1, i + 1), "the header names two columns '" + h
                            + "' (columns " + (j + 1) + " and " + (i + 1) + "); give each column its own name, such as '"
                            + h + "' and '" + h + " (2)'");
                }
            }
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.equals("label")) {
                labelAt = i;
            } else if (lower.equals("section")) {
                sectionAt = i;
            } else if (spec.textColumns().contains(h)) {
                text.add(h);
            } else {
                numeric.add(h);
            }
        }
        if (labelAt < 0) {
            throw new InputException(SourceLocation.of(shownPath, 1), "the header has no 'label' column; "
                    + "name the column that holds the row labels 'label'");
        }
        if (raw.isEmpty()) {
            throw new InputException(SourceLocation.of(shownPath, 1), "the file has a header but no rows; "
                    + "add the table's rows or remove the table from filing.yaml");
        }
        for (String c : spec.columnUnits().keySet()) {
            requireColumn(c, header, shownPath, spec);
        }
        for (String c : spec.textColumns()) {
            requireColumn(c, header, shownPath, spec);
        }
        Map<Integer, Unit> rowUnits = resolveRowUnits(raw, labelAt, sectionAt, shownPath, spec);
        // each column's name and unit, once: null for the label, the section and text columns, which hold no figures
        int width = header.size();
        String[] names = new String[width];
        Unit[] columnUnits = new Unit[width];
        for (int i = 0; i < width; i++) {
            names[i] = header.get(i).strip();
            if (!(i == labelAt || i == sectionAt || text.contains(names[i]))) {
                columnUnits[i] = spec.columnUnits().getOrDefault(names[i], spec.unit());
            }
        }
        List<Row> rows = new ArrayList<>(raw.size());
        for (int r = 0; r < raw.size(); r++) {
            RawRow rr = raw.get(r);
            Unit rowUnit = rowUnits.isEmpty() ? null : rowUnits.get(r);
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (int i = 0; i < width; i++) {
                if (columnUnits[i] == null) {
                    continue;
                }
                String h = names[i];
                Unit unit = rowUnit != null ? rowUnit : columnUnits[i];
                SourceLocation at = SourceLocation.of(shownPath, rr.line, i + 1);
                Figure f;
                try {
                    f = FigureParser.parse(rr.values.get(i), unit, spec.markers());
                } catch (FigureFormatException e) {
                    throw new InputException(at, "column '" + h + "': " + e.getMessage());
                }
                if (spec.maxDecimals() != null && unit == spec.unit() && f instanceof Figure.Amount a
                        && a.value().scale() > spec.maxDecimals()) {
                    throw new InputException(at, "column '" + h + "': '" + a.printed() + "' has " + a.value().scale()
                            + " decimals but table '" + spec.id() + "' prints at most " + spec.maxDecimals()
                            + " (max_decimals in filing.yaml); check the figure, or the table's unit");
                }
                cells.put(h, new Cell(h, f, unit, at));
            }
            String section = sectionAt < 0 ? "" : rr.values.get(sectionAt).strip();
            rows.add(new Row(r, section, rr.values.get(labelAt).strip(), cells, rr.line));
        }
        return new Table(spec.id(), spec.title(), relativeFile, spec.unit(), numeric, text, rows);
    }

    private static void requireColumn(String c, List<String> header, String shownPath, Spec spec) {
        if (header.stream().noneMatch(h -> h.strip().equals(c))) {
            throw new InputException(spec.declaredAt(), "table '" + spec.id() + "' declares column '" + c
                    + "' but " + shownPath + " has no such column; its header: " + String.join(", ", header));
        }
    }

    private static Map<Integer, Unit> resolveRowUnits(List<RawRow> raw, int labelAt, int sectionAt, String shownPath, Spec spec) {
        Map<Integer, Unit> out = new LinkedHashMap<>();
        if (spec.rowUnits().isEmpty()) {
            return out;
        }
        // each row's label and section normalised once, not once for every row unit declared
        String[] labels = new String[raw.size()];
        String[] sections = new String[raw.size()];
        for (int r = 0; r < raw.size(); r++) {
            labels[r] = Labels.normalize(raw.get(r).values.get(labelAt));
            sections[r] = Labels.normalize(sectionAt < 0 ? "" : raw.get(r).values.get(sectionAt));
        }
        for (Map.Entry<String, Unit> e : spec.rowUnits().entrySet()) {
            RowRef ref = RowRef.parse(e.getKey());
            String label = Labels.normalize(ref.label());
            String section = ref.section() == null ? null : Labels.normalize(ref.section());
            List<Integer> hits = new ArrayList<>();
            for (int r = 0; r < raw.size(); r++) {
                if (labels[r].equals(label) && (section == null || sections[r].equals(section))) {
                    hits.add(r);
                }
            }
            if (hits.size() != 1) {
                throw new InputException(spec.declaredAt(), "table '" + spec.id() + "' sets the unit of row '" + ref
                        + "' but " + shownPath + " has " + (hits.isEmpty() ? "no such row" : hits.size() + " such rows; qualify it as 'Section > Label'"));
            }
            out.put(hits.get(0), e.getValue());
        }
        return out;
    }

    /** @param size the file's size, or -1 when unknown: the buffer is no bigger than the file (nor 64 kB) */
    private static Reader utf8(InputStream in, long size) throws IOException {
        InputStream buffered = new java.io.BufferedInputStream(in, (int) Math.min(1 << 16, Math.max(16, size + 1)));
        buffered.mark(3);
        byte[] bom = buffered.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            buffered.reset();
        }
        return new InputStreamReader(buffered, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static InputException readError(Path path, String shownPath, int line, Throwable e) {
        if (e instanceof CharacterCodingException) {
            try {
                return Utf8.notUtf8(Files.readAllBytes(path), shownPath);
            } catch (IOException again) {
                return new InputException(line > 0 ? SourceLocation.of(shownPath, line) : SourceLocation.of(shownPath),
                        "the file is not valid UTF-8; save it as UTF-8", e);
            }
        }
        return new InputException(SourceLocation.of(shownPath), "cannot read the file: " + oneLine(e), e);
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ").strip();
    }

    private record RawRow(int line, List<String> values) {
    }
}
