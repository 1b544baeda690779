package dev.crossfoot.parse;

import dev.crossfoot.model.Decimals;
import dev.crossfoot.model.Filing;
import dev.crossfoot.model.InputException;
import dev.crossfoot.model.Interval;
import dev.crossfoot.model.Limits;
import dev.crossfoot.model.MarkerSpec;
import dev.crossfoot.model.Printable;
import dev.crossfoot.model.SourceLocation;
import dev.crossfoot.model.Table;
import dev.crossfoot.model.Unit;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a filing directory: its filing.yaml and every table it declares. Never writes. */
public final class FilingReader {

    public static final String FILING_FILE = "filing.yaml";

    private FilingReader() {
    }

    /**
     * @param dir the filing directory, as the user named it (it is shown in messages as given)
     * @throws InputException for anything unusable, naming the file, line and column
     */
    public static Filing read(Path dir) {
        return read(dir, true);
    }

    /**
     * Reads a filing directory, refusing it whole when any of its tables cannot be read.
     *
     * @param parallel read the tables' CSV files in parallel (off when the caller already checks several
     *                 filings at once, so the cores are not oversubscribed)
     * @throws InputException for anything unusable, the first unreadable table in declaration order included
     */
    public static Filing read(Path dir, boolean parallel) {
        Loaded loaded = load(dir, parallel);
        if (!loaded.unreadable().isEmpty()) {
            throw loaded.unreadable().get(0).problem();
        }
        return loaded.filing();
    }

    /** A table declared in filing.yaml that could not be read, and why. */
    public record Unreadable(String table, String file, InputException problem) {
    }

    /**
     * A filing as read: the tables that could be read, in declaration order, and those that could not.
     *
     * @param unreadable the tables that could not be read, in declaration order
     */
    public record Loaded(Filing filing, List<Unreadable> unreadable) {
        public Loaded {
            unreadable = List.copyOf(unreadable);
        }
    }

    /**
     * Reads a filing directory, keeping every table that can be read: a table whose file is missing, links
     * outside the directory, or is not well-formed CSV with figures is {@link Unreadable}, and the others
     * are still read. Anything wrong with the directory or its filing.yaml refuses the filing whole.
     *
     * @param parallel as for {@link #read(Path, boolean)}
     * @throws InputException for a filing that cannot be used at all
     */
    public static Loaded load(Path dir, boolean parallel) {
        String shownDir = dir.toString();
        if (!Files.exists(dir)) {
            throw new InputException(SourceLocation.of(shownDir), "no such directory; give the path of a filing directory (one holding filing.yaml)");
        }
        if (!Files.isDirectory(dir)) {
            throw new InputException(SourceLocation.of(shownDir), "not a directory; give the directory that holds filing.yaml, not a file");
        }
        Path yaml = dir.resolve(FILING_FILE);
        String shownYaml = shown(dir, FILING_FILE);
        if (!Files.isRegularFile(yaml)) {
            throw new InputException(SourceLocation.of(shownDir), "no " + FILING_FILE
                    + " here; a filing directory holds filing.yaml (tables and units) beside its CSV files");
        }
        YamlNode doc = Yaml.parse(yaml, shownYaml);
        if (doc == null) {
            throw new InputException(SourceLocation.of(shownYaml), "the file is empty; declare issuer, periods and tables");
        }
        if (!(doc instanceof YamlNode.Mapping root)) {
            throw new InputException(doc.location(), "filing.yaml must be a mapping of issuer, document, periods, markers and tables");
        }
        root.requireKnownKeys(TOP_KEYS, "");
        String what = "filing.yaml";
        List<String> periods = strings(root.get("periods"), "periods");
        Set<String> seen = new java.util.HashSet<>();
        for (String p : periods) {
            if (!seen.add(p.strip())) {
                throw new InputException(root.get("periods").location(), "periods: " + Printable.quoted(p)
                        + " is listed more than once; list each period once, as its column is headed");
            }
        }
        Map<String, MarkerSpec> markers = markers(root.get("markers"));
        YamlNode tablesNode = root.get("tables");
        if (!(tablesNode instanceof YamlNode.Sequence seq) || seq.items().isEmpty()) {
            throw new InputException(tablesNode == null ? root.location() : tablesNode.location(),
                    "no tables declared; list each table under 'tables:' with id, file and unit");
        }
        // declarations are checked in order; the CSV files are then read in parallel, and the first
        // problem in declaration order is the one reported, whatever finished first
        List<java.util.concurrent.Callable<Table>> loads = new ArrayList<>();
        List<String[]> declared = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> files = new HashSet<>();
        long cellsBefore = 0;
        long kept = 0;
        Path[] dirReal = new Path[1];
        for (YamlNode item : seq.items()) {
            if (!(item instanceof YamlNode.Mapping t)) {
                throw new InputException(item.location(), "each table is a mapping with id, file and unit");
            }
            SourceLocation at = t.location();
            t.requireKnownKeys(TABLE_KEYS, "a table");
            String id = t.text("id", "table");
            require(id, at, "a table has no 'id'");
            if (!TABLE_ID.matcher(id).matches()) {
                throw new InputException(at, "table id '" + id + "' must start with a letter and hold only letters, digits, '_', '.' or '-'");
            }
            String file = t.text("file", "table '" + id + "'");
            require(file, at, "table '" + id + "' has no 'file'");
            String unitText = t.text("unit", "table '" + id + "'");
            require(unitText, at, "table '" + id + "' has no 'unit' (the unit as printed, e.g. RMB'000)");
            if (!ids.add(id)) {
                throw new InputException(at, "table id '" + id + "' is declared twice; ids must be unique");
            }
            if (!files.add(file)) {
                throw new InputException(at, "file '" + file + "' is declared for two tables");
            }
            CsvTableReader.Spec cs = tableSpec(t, id, unitText, markers);
            String role = role(t, id);
            String shown = shown(dir, file);
            declared.add(new String[] {id, shown});
            // counted in declaration order before any is read, so the filing's cell limit is met the same way every run;
            // each file is read once, here, and its bytes kept for its table (up to a bound on what a filing keeps)
            Path path;
            byte[] bytes;
            try {
                path = inside(dir, dirReal, file, at, id);
                CsvShape.Counted counted = CsvShape.read(path, shown);
                CsvShape.refuseMany(counted.cells(), cellsBefore, shown);
                cellsBefore += counted.cells();
                bytes = counted.bytes() != null && kept + counted.bytes().length <= KEPT_BYTES ? counted.bytes() : null;
                kept += bytes == null ? 0 : bytes.length;
            } catch (InputException e) {
                loads.add(() -> {
                    throw e;
                });
                continue;
            }
            loads.add(() -> CsvTableReader.read(path, shown, file, cs, bytes).withRole(role));
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        List<Unreadable> unreadable = new ArrayList<>();
        List<Object> results = loadAll(loads, parallel);
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) instanceof Table t) {
                tables.put(t.id(), t);
            } else {
                unreadable.add(new Unreadable(declared.get(i)[0], declared.get(i)[1], (InputException) results.get(i)));
            }
        }
        Filing filing = new Filing(shownDir, nz(root.text("issuer", what)), nz(root.text("document", what)), periods, tables);
        return new Loaded(filing, unreadable);
    }

    /**
     * Reads one CSV table that comes without a filing.yaml as a filing of that one table: its unit is
     * unknown, so each figure's precision comes from its printed digits alone, and cells that are not
     * figures are kept as markers that are not numbers (see {@code CsvTableReader.readLoose}). The table's
     * id is the file name without {@code .csv}; its numeric columns are the filing's periods.
     *
     * @param csv the file, as the user named it (it is shown in messages as given)
     * @throws InputException when the file cannot be read as CSV at all
     */
    public static Filing readTable(Path csv) {
        String shown = csv.toString();
        if (!Files.exists(csv)) {
            throw new InputException(SourceLocation.of(shown), "no such file; give a CSV table or a directory");
        }
        if (!Files.isRegularFile(csv)) {
            throw new InputException(SourceLocation.of(shown), "not a regular file; give a CSV table or a directory");
        }
        String name = csv.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        String id = base.replaceAll("[^A-Za-z0-9_.-]", "_");
        if (id.isEmpty() || !Character.isLetter(id.charAt(0)) && id.charAt(0) != '_') {
            id = "t_" + id;
        }
        Table t = CsvTableReader.readLoose(csv, shown, name, id);
        return new Filing(shown, "", "", t.columns(), Map.of(t.id(), t));
    }

    /**
     * Runs the loads, in parallel or not; returns each table, or the input error that stopped it, in order.
     * Anything but an input error is a bug, thrown (the first in order).
     */
    private static List<Object> loadAll(List<java.util.concurrent.Callable<Table>> loads, boolean parallel) {
        java.util.stream.IntStream indices = java.util.stream.IntStream.range(0, loads.size());
        List<Object> results = (parallel ? indices.parallel() : indices).mapToObj(i -> {
            try {
                return (Object) loads.get(i).call();
            } catch (Exception | StackOverflowError e) {
                return e;
            }
        }).toList();
        for (Object r : results) {
            if (r instanceof InputException) {
                continue;
            }
            if (r instanceof RuntimeException e) {
                throw e;
            }
            if (r instanceof Throwable e) {
                throw new IllegalStateException(e);
            }
        }
        return results;
    }

    /**
     * The most bytes of table files a filing keeps between counting their cells and reading their tables: a real
     * filing's tables are well under a MiB; past this (a filing of large tables, such as the largest accepted ones),
     * each further table is read again from its file, streamed, so the memory such a filing takes is what it was.
     */
    private static final long KEPT_BYTES = 4L * 1024 * 1024;

    private static final java.util.regex.Pattern TABLE_ID = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Set<String> TOP_KEYS = Set.of("issuer", "document", "source", "periods", "markers", "tables");
    private static final Set<String> TABLE_KEYS = Set.of("id", "title", "role", "file", "source", "pages", "unit", "max_decimals",
            "columns", "rows");
    private static final Set<String> MARKER_KEYS = Set.of("meaning", "min", "max", "unit");

    private static List<String> strings(YamlNode n, String key) {
        if (n == null) {
            return List.of();
        }
        if (!(n instanceof YamlNode.Sequence s)) {
            throw new InputException(n.location(), "'" + key + "' must be a list, e.g. [\"2023\", \"2022\"]");
        }
        List<String> out = new ArrayList<>();
        for (YamlNode x : s.items()) {
            if (!(x instanceof YamlNode.Scalar sc) || sc.isNull() || sc.isBoolean()) {
                throw new InputException(x.location(), "each of '" + key + "' must be text");
            }
            out.add(sc.text());
        }
        return out;
    }

    /** A table's declared role (one of {@link Table#ROLES}), or "". */
    private static String role(YamlNode.Mapping t, String id) {
        String role = t.text("role", "table '" + id + "'");
        if (role == null || role.isBlank()) {
            return "";
        }
        if (!Table.ROLES.contains(role.strip())) {
            throw new InputException(t.get("role").location(), "table '" + id + "': unknown role '" + role.strip()
                    + "'; a role is one of " + String.join(", ", Table.ROLES));
        }
        return role.strip();
    }

    /** A mapping of text to text (per-column and per-row units), or an empty one. */
    private static Map<String, String> textMap(YamlNode n, String what) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        if (!(n instanceof YamlNode.Mapping m)) {
            throw new InputException(n.location(), what + " must be a mapping of name to unit");
        }
        for (String k : m.entries().keySet()) {
            String v = m.text(k, what);
            out.put(k, v == null ? "" : v);
        }
        return out;
    }

    private static CsvTableReader.Spec tableSpec(YamlNode.Mapping t, String id, String unitText, Map<String, MarkerSpec> markers) {
        SourceLocation at = t.location();
        Unit unit = unit(unitText, at, "table '" + id + "'");
        Map<String, Unit> columnUnits = new LinkedHashMap<>();
        List<String> textColumns = new ArrayList<>();
        YamlNode columnsNode = t.get("columns");
        for (Map.Entry<String, String> e : textMap(columnsNode, "table '" + id + "' columns").entrySet()) {
            String v = e.getValue().strip();
            if (v.equalsIgnoreCase("text")) {
                textColumns.add(e.getKey().strip());
            } else {
                columnUnits.put(e.getKey().strip(), unit(v, columnsNode.location(), "table '" + id + "' column '" + e.getKey() + "'"));
            }
        }
        Map<String, Unit> rowUnits = new LinkedHashMap<>();
        YamlNode rowsNode = t.get("rows");
        for (Map.Entry<String, String> e : textMap(rowsNode, "table '" + id + "' rows").entrySet()) {
            rowUnits.put(e.getKey(), unit(e.getValue(), rowsNode.location(), "table '" + id + "' row '" + e.getKey() + "'"));
        }
        Integer maxDecimals = null;
        String md = t.text("max_decimals", "table '" + id + "'");
        if (md != null) {
            try {
                maxDecimals = Integer.valueOf(md.strip());
            } catch (NumberFormatException e) {
                maxDecimals = -1;
            }
            if (maxDecimals < 0 || maxDecimals > 12) {
                throw new InputException(t.get("max_decimals").location(), "table '" + id + "': max_decimals must be a whole number from 0 to 12 (found " + Printable.quoted(md) + ")");
            }
        }
        String title = t.text("title", "table '" + id + "'");
        return new CsvTableReader.Spec(id, title == null ? id : title, unit, columnUnits, textColumns, rowUnits, markers, at, maxDecimals);
    }

    private static Map<String, MarkerSpec> markers(YamlNode n) {
        Map<String, MarkerSpec> out = new LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        if (!(n instanceof YamlNode.Mapping m)) {
            throw new InputException(n.location(), "'markers' must map each marker to its meaning, e.g. \"*\": {meaning: ..., min: \"0\", max: \"1\", unit: RMB'000}");
        }
        for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
            String what = "marker '" + e.getKey() + "'";
            if (!(e.getValue() instanceof YamlNode.Mapping spec)) {
                throw new InputException(e.getValue().location(), what + " needs a 'meaning' (as the announcement's footnote says)");
            }
            spec.requireKnownKeys(MARKER_KEYS, what);
            SourceLocation at = spec.location();
            String meaning = spec.text("meaning", what);
            if (meaning == null || meaning.isBlank()) {
                throw new InputException(at, what + " needs a 'meaning' (as the announcement's footnote says)");
            }
            String min = spec.text("min", what);
            String max = spec.text("max", what);
            String unitText = spec.text("unit", what);
            Interval bounds = null;
            if (min != null || max != null || unitText != null) {
                if (min == null || max == null || unitText == null) {
                    throw new InputException(at, what + ": give min, max and unit together, or none of them");
                }
                Unit u = unit(unitText, at, what);
                try {
                    BigDecimal loText = new BigDecimal(min.replace(",", "").strip());
                    BigDecimal hiText = new BigDecimal(max.replace(",", "").strip());
                    for (BigDecimal v : new BigDecimal[] {loText, hiText}) {
                        if (!Decimals.printable(v)) {
                            throw new InputException(at, what + ": min and max must be plain numbers of at most "
                                    + Limits.MAX_FIGURE_DIGITS + " digits before and after the decimal point (found "
                                    + Printable.quoted(v == loText ? min : max) + ")");
                        }
                    }
                    BigDecimal lo = u.toBase(loText);
                    BigDecimal hi = u.toBase(hiText);
                    bounds = new Interval(lo, hi);
                } catch (NumberFormatException ex) {
                    throw new InputException(at, what + ": min and max must be plain numbers such as 0 and 1");
                } catch (IllegalArgumentException ex) {
                    throw new InputException(at, what + ": min must not exceed max");
                }
            }
            out.put(e.getKey().strip(), new MarkerSpec(e.getKey().strip(), meaning.strip(), bounds));
        }
        return out;
    }

    /**
     * Resolves a table file, refusing anything that leaves the filing directory (also through symlinks).
     *
     * @param dirReal holds the directory's real path once found (found for the filing's first table, not for each)
     */
    private static Path inside(Path dir, Path[] dirReal, String file, SourceLocation at, String id) {
        Path rel = Path.of(file);
        if (rel.isAbsolute() || file.startsWith("/") || file.startsWith("\\")) {
            throw new InputException(at, "table '" + id + "': file '" + file + "' is an absolute path; give a path relative to the filing directory");
        }
        Path resolved = dir.resolve(rel).normalize();
        if (!resolved.startsWith(dir.normalize())) {
            throw new InputException(at, "table '" + id + "': file '" + file + "' is outside the filing directory; keep tables inside it");
        }
        try {
            Path real = resolved.toRealPath();
            if (dirReal[0] == null) {
                dirReal[0] = dir.toRealPath();
            }
            if (!real.startsWith(dirReal[0])) {
                throw new InputException(at, "table '" + id + "': file '" + file + "' links outside the filing directory; keep tables inside it");
            }
            if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                throw new InputException(at, "table '" + id + "': '" + file + "' is not a regular file");
            }
            return real;
        } catch (NoSuchFileException e) {
            throw new InputException(at, "table '" + id + "': file '" + file + "' does not exist in " + dir
                    + "; add it or correct the name in filing.yaml");
        } catch (IOException e) {
            throw new InputException(at, "table '" + id + "': cannot open '" + file + "': " + e.getMessage(), e);
        }
    }

    private static Unit unit(String printed, SourceLocation at, String what) {
        Unit known = printed == null ? null : UNITS.get(printed);
        if (known != null) {
            // a copy: a table's unit and a column's are told apart by identity (max_decimals), as when each was parsed
            return known == Unit.UNKNOWN ? known : new Unit(known.printed(), known.dimension(), known.powerOfTen());
        }
        try {
            Unit u = Unit.parse(printed);
            if (printed != null && UNITS.size() < 1_000) {
                UNITS.put(printed, u);
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new InputException(at, what + ": " + e.getMessage());
        }
    }

    /**
     * Units already parsed, by their text as written (a batch's filings write the same few; parsing one takes a dozen
     * regular expressions). Parsing depends on the text alone; a text that is not a unit is parsed (and refused) each time.
     */
    private static final Map<String, Unit> UNITS = new java.util.concurrent.ConcurrentHashMap<>();

    private static void require(String value, SourceLocation at, String message) {
        if (value == null || value.isBlank()) {
            throw new InputException(at, message);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String shown(Path dir, String file) {
        return dir.resolve(file).toString();
    }
}
