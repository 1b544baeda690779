package dev.crossfoot.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.crossfoot.model.Filing;
import dev.crossfoot.model.InputException;
import dev.crossfoot.model.Interval;
import dev.crossfoot.model.MarkerSpec;
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
        FilingSpec spec;
        String text = Yaml.readChecked(yaml, shownYaml);
        try {
            spec = Yaml.MAPPER.readValue(text, FilingSpec.class);
        } catch (JsonProcessingException e) {
            throw Yaml.error(shownYaml, e, "invalid filing description");
        }
        if (spec == null) {
            throw new InputException(SourceLocation.of(shownYaml), "the file is empty; declare issuer, periods and tables");
        }
        SourceLocation at = SourceLocation.of(shownYaml);
        if (spec.tables() == null || spec.tables().isEmpty()) {
            throw new InputException(at, "no tables declared; list each table under 'tables:' with id, file and unit");
        }
        List<String> periods = spec.periods() == null ? List.of() : spec.periods();
        Map<String, MarkerSpec> markers = markers(spec, at);
        Map<String, Table> tables = new LinkedHashMap<>();
        Set<String> files = new HashSet<>();
        for (int i = 0; i < spec.tables().size(); i++) {
            FilingSpec.TableYaml t = spec.tables().get(i);
            String where = "tables[" + (i + 1) + "]";
            if (t == null) {
                throw new InputException(at, where + " is empty");
            }
            require(t.id(), at, where + " has no 'id'");
            if (!t.id().matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                throw new InputException(at, "table id '" + t.id() + "' must start with a letter and hold only letters, digits, '_', '.' or '-'");
            }
            require(t.file(), at, "table '" + t.id() + "' has no 'file'");
            require(t.unit(), at, "table '" + t.id() + "' has no 'unit' (the unit as printed, e.g. RMB'000)");
            if (tables.containsKey(t.id())) {
                throw new InputException(at, "table id '" + t.id() + "' is declared twice; ids must be unique");
            }
            if (!files.add(t.file())) {
                throw new InputException(at, "file '" + t.file() + "' is declared for two tables");
            }
            Path file = inside(dir, t.file(), at, t.id());
            CsvTableReader.Spec cs = tableSpec(t, markers, at);
            tables.put(t.id(), CsvTableReader.read(file, shown(dir, t.file()), t.file(), cs));
        }
        return new Filing(shownDir, nz(spec.issuer()), nz(spec.document()), periods, tables);
    }

    private static CsvTableReader.Spec tableSpec(FilingSpec.TableYaml t, Map<String, MarkerSpec> markers, SourceLocation at) {
        Unit unit = unit(t.unit(), at, "table '" + t.id() + "'");
        Map<String, Unit> columnUnits = new LinkedHashMap<>();
        List<String> textColumns = new ArrayList<>();
        if (t.columns() != null) {
            for (Map.Entry<String, String> e : t.columns().entrySet()) {
                String v = e.getValue() == null ? "" : e.getValue().strip();
                if (v.equalsIgnoreCase("text")) {
                    textColumns.add(e.getKey().strip());
                } else {
                    columnUnits.put(e.getKey().strip(), unit(v, at, "table '" + t.id() + "' column '" + e.getKey() + "'"));
                }
            }
        }
        Map<String, Unit> rowUnits = new LinkedHashMap<>();
        if (t.rows() != null) {
            for (Map.Entry<String, String> e : t.rows().entrySet()) {
                rowUnits.put(e.getKey(), unit(e.getValue(), at, "table '" + t.id() + "' row '" + e.getKey() + "'"));
            }
        }
        if (t.maxDecimals() != null && (t.maxDecimals() < 0 || t.maxDecimals() > 12)) {
            throw new InputException(at, "table '" + t.id() + "': max_decimals must be between 0 and 12 (found " + t.maxDecimals() + ")");
        }
        return new CsvTableReader.Spec(t.id(), t.title() == null ? t.id() : t.title(), unit, columnUnits, textColumns,
                rowUnits, markers, at, t.maxDecimals());
    }

    private static Map<String, MarkerSpec> markers(FilingSpec spec, SourceLocation at) {
        Map<String, MarkerSpec> out = new LinkedHashMap<>();
        if (spec.markers() == null) {
            return out;
        }
        for (Map.Entry<String, FilingSpec.MarkerYaml> e : spec.markers().entrySet()) {
            FilingSpec.MarkerYaml m = e.getValue();
            String what = "marker '" + e.getKey() + "'";
            if (m == null || m.meaning() == null || m.meaning().isBlank()) {
                throw new InputException(at, what + " needs a 'meaning' (as the announcement's footnote says)");
            }
            Interval bounds = null;
            if (m.min() != null || m.max() != null || m.unit() != null) {
                if (m.min() == null || m.max() == null || m.unit() == null) {
                    throw new InputException(at, what + ": give min, max and unit together, or none of them");
                }
                Unit u = unit(m.unit(), at, what);
                try {
                    BigDecimal lo = u.toBase(new BigDecimal(m.min().replace(",", "").strip()));
                    BigDecimal hi = u.toBase(new BigDecimal(m.max().replace(",", "").strip()));
                    bounds = new Interval(lo, hi);
                } catch (NumberFormatException ex) {
                    throw new InputException(at, what + ": min and max must be plain numbers such as 0 and 1");
                } catch (IllegalArgumentException ex) {
                    throw new InputException(at, what + ": min must not exceed max");
                }
            }
            out.put(e.getKey().strip(), new MarkerSpec(e.getKey().strip(), m.meaning().strip(), bounds));
        }
        return out;
    }

    /** Resolves a table file, refusing anything that leaves the filing directory (also through symlinks). */
    private static Path inside(Path dir, String file, SourceLocation at, String id) {
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
            if (!real.startsWith(dir.toRealPath())) {
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
        try {
            return Unit.parse(printed);
        } catch (IllegalArgumentException e) {
            throw new InputException(at, what + ": " + e.getMessage());
        }
    }

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
