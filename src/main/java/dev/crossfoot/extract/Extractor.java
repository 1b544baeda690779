package dev.crossfoot.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import dev.crossfoot.extract.narrative.NarrativeReader;
import dev.crossfoot.model.NarrativeFigure;
import dev.crossfoot.parse.PdfText;
import java.util.regex.Pattern;

/**
 * Finds the numeric tables of a results announcement. Block finding is per format ({@link TextBlocks} for text
 * whose tables are tab-separated lines); everything after it is one pipeline of small stages shared by every
 * format: {@link Parts} (header and data lines, parts joined across page breaks), {@link Header} (columns,
 * periods, units), {@link Units}, {@link Sections}, {@link Titles} (ids, titles).
 *
 * <p>Anything that cannot be placed is a {@link Extraction.Notice} with its line number; nothing is dropped silently.
 */
public final class Extractor {

    private static final Pattern ISSUER = Pattern.compile(".{2,80}\\b(?:Inc\\.|Limited|Ltd\\.?|plc|PLC|Corporation|Holdings|Group)");
    private static final Pattern DOCUMENT = Pattern.compile("(?i).*\\bresults\\b.*\\bannouncement\\b.*|.*\\bannouncement\\b.*\\bresults\\b.*");

    private final String source;
    private final List<String> opening;
    private final List<Extraction.Notice> notices = new ArrayList<>();
    private final Map<String, Integer> periodCounts = new LinkedHashMap<>();
    private final Titles titles = new Titles();

    private final List<Integer> pageStarts;
    private final String blockKind;

    private Extractor(String source, List<String> opening, List<Integer> pageStarts) {
        this.source = source;
        this.opening = opening;
        this.pageStarts = pageStarts;
        this.blockKind = pageStarts.isEmpty() ? "tab-separated lines" : "lines";
    }

    /** Extracts the tables of an announcement saved as text, given as its lines (line 1 first). */
    public static Extraction extract(String source, List<String> lines) {
        Headings headings = new Headings();
        List<Block> blocks = TextBlocks.find(lines, headings);
        List<String> opening = new ArrayList<>();
        for (int i = 0; i < Math.min(lines.size(), 60); i++) {
            opening.add(Cells.clean(lines.get(i)));
        }
        return new Extractor(source, opening, List.of()).run(blocks, headings);
    }

    /** Extracts the tables of an announcement published as PDF, given as its pages' glyphs. */
    public static Extraction extractPdf(String source, List<PdfText.Page> pages) {
        PdfLayout.Layout layout = PdfLayout.of(pages);
        Headings headings = new Headings(true);
        List<Block> blocks = PdfBlocks.find(layout.lines(), headings);
        List<String> opening = new ArrayList<>();
        for (int i = 0; i < Math.min(layout.lines().size(), 60); i++) {
            opening.add(Cells.clean(layout.lines().get(i).text()));
        }
        Extractor x = new Extractor(source, opening, layout.pageStarts());
        if (layout.bilingual() > 0) {
            x.notices.add(new Extraction.Notice(layout.lines().isEmpty() ? 1 : layout.lines().get(0).number(),
                    "bilingual: Chinese text on " + layout.bilingual() + " lines left out; the English labels kept"));
        }
        return x.run(blocks, headings);
    }

    private Extraction run(List<Block> blocks, Headings headings) {
        notices.addAll(headings.notices());
        List<Pending> pending = new ArrayList<>();
        Pending previous = null;
        for (Block b : blocks) {
            Parsed p = Parts.parse(b);
            if (p == null) {
                String lines = pageStarts.isEmpty() ? "lines " + b.first() + "-" + b.last()
                        : "lines to " + new Extraction(source, "", "", List.of(), List.of(), Map.of(), List.of(), pageStarts).at(b.last());
                notices.add(new Extraction.Notice(b.first(), lines + ": " + blockKind
                        + " without figures (not a numeric table); not extracted"));
                previous = null;
                continue;
            }
            if (previous != null && b.adjacentToPrevious() && Parts.continues(previous.parsed, p)) {
                previous.parsed = Parts.join(previous.parsed, p);
                previous.last = b.last();
            } else {
                previous = new Pending(p);
                pending.add(previous);
            }
        }
        List<Extraction.Table> tables = new ArrayList<>();
        for (Pending t : pending) {
            tables.add(build(t.parsed, t.last));
        }
        List<String> roles = Roles.settle(tables.stream().map(Extraction.Table::role).toList());
        for (int i = 0; i < tables.size(); i++) {
            Extraction.Table t = tables.get(i);
            tables.set(i, new Extraction.Table(t.id(), t.title(), roles.get(i), t.firstLine(), t.lastLine(), t.unit(),
                    t.columns(), t.columnUnits(), t.rowUnits(), t.rows()));
        }
        titles.disambiguate(tables);
        Map<String, Extraction.Marker> markers = headings.markers();
        tables = CellCheck.settle(tables, markers, notices);
        notices.sort(Comparator.comparingInt(Extraction.Notice::line));
        Extraction x = new Extraction(source, issuer(), document(), periods(), tables, markers, notices, pageStarts);
        List<String> labels = new ArrayList<>();
        tables.forEach(t -> t.rows().forEach(r -> labels.add(r.label())));
        List<NarrativeFigure> narrative = new NarrativeReader(labels).read(headings.prose(), !pageStarts.isEmpty(), x::at);
        return new Extraction(source, x.issuer(), x.document(), x.periods(), tables, markers, notices, pageStarts, narrative);
    }

    /** A table being read: its parts so far, and the last line of the last part. */
    private static final class Pending {
        Parsed parsed;
        int last;

        Pending(Parsed parsed) {
            this.parsed = parsed;
            this.last = parsed.block().last();
        }
    }

    private Extraction.Table build(Parsed p, int last) {
        Header.Columns cols = Header.read(p);
        cols.periods().forEach(period -> periodCounts.merge(period, 1, Integer::sum));
        Units units = Units.of(p, cols);
        if (units.notice() != null) {
            notices.add(new Extraction.Notice(p.block().first(), units.notice()));
        }
        List<Extraction.Row> rows = Sections.rows(p, cols, units.columns(), notices);
        Map<String, String> rowUnits = Units.perShare(p, rows, units.table(), units.rows());
        Titles.Named named = Titles.name(p.block().context(), p);
        titles.remember(p, cols);
        String role = Roles.of(p.block().context(), named.title(), rows);
        return new Extraction.Table(named.id(), named.title(), role, p.block().first(), last, units.table(),
                cols.names().subList(1, cols.names().size()), units.columns(), rowUnits, rows);
    }

    /** A table's unit and its rows' units, once its rows are read (for tests of the units stage). */
    record Built(String unit, Map<String, String> rowUnits) {
    }

    /** The issuer: the first short line naming a company, among the announcement's first lines. */
    private String issuer() {
        for (int i = 0; i < Math.min(opening.size(), 40); i++) {
            String t = opening.get(i);
            if (t.length() <= 80 && ISSUER.matcher(t).matches()) {
                return t;
            }
        }
        return source;
    }

    private String document() {
        for (String t : opening) {
            if (t.length() <= 160 && DOCUMENT.matcher(t).matches()) {
                return titleCase(t);
            }
        }
        return "announcement " + source;
    }

    private static String titleCase(String text) {
        if (text.isEmpty() || !text.equals(text.toUpperCase(Locale.ROOT))) {
            return text;
        }
        return Titles.titleCase(text);
    }

    /** The periods the tables' columns are headed with, latest first. */
    private List<String> periods() {
        List<String> out = new ArrayList<>(periodCounts.keySet());
        out.sort(Comparator.reverseOrder());
        return out;
    }
}
