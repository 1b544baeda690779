package dev.crossfoot.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The titles stage's reading of the text between tables, line by line: which part of the document, note and
 * sub-heading the next table stands under, and the footnotes that define a marker. Both block finders (text and
 * PDF) feed it every line that is not part of a table, in order.
 */
final class Headings {

    private static final Pattern NOTE_HEADING = Pattern.compile("^(\\d{1,2})(?:\\.)?\\s+([A-Z][A-Z0-9,'’()&\\-–/ ]+)$");
    private static final Pattern SUB_HEADING = Pattern.compile("^(?:-\\s+)?\\(([a-z]{1,4})\\)\\s+(.+)$");
    private static final Pattern PART_HEADING = Pattern.compile("^[A-Z][A-Z0-9,'’&\\-– ]{3,}$");
    private static final Pattern PERIOD_LINE = Pattern.compile("(?i)(?:for\\s+the\\s+)?(?:years?\\s+ended|as\\s+(?:at|of)|at)\\s.*\\d{4}.*");
    private static final Pattern LEAD_IN_END = Pattern.compile("(?:\\s+(?:is|are)\\s+(?:as\\s+follows|analysed\\s+below))?\\s*:$");
    private static final Pattern ROMAN = Pattern.compile("i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv");
    private static final Pattern MARKER_FOOTNOTE = Pattern.compile(
            "^(\\*)\\s+(.*?\\bless than\\s+(RMB|HK\\$|US\\$)\\s?([\\d,]+)\\b.*?)\\.?$");

    private String part = "";
    private String note = "";
    private String noteTitle = "";
    private String sub = "";
    private String subTitle = "";
    private String upper = "";
    private Boolean upperRoman;
    private String heading = "";
    private int paragraphsSinceSub;
    private boolean inNotes;
    private final List<String> textSince = new ArrayList<>();
    private final Map<String, Extraction.Marker> markers = new LinkedHashMap<>();
    private final List<Extraction.Notice> notices = new ArrayList<>();
    /** Every line of text outside the tables, for the narrative reader. */
    private final List<dev.crossfoot.extract.narrative.NarrativeReader.Prose> prose = new ArrayList<>();
    /**
     * Read as a document laid out from pages (a PDF): headings in more forms ("Notes:", "12 Title Case", "Note 12 –
     * Title", a statement's title in title case), and a heading names a table only within two paragraphs.
     */
    private final boolean laidOut;
    private int paragraphsSinceHeading;
    private int lastNote;
    /** Whether the part is an item of a Form 10-K, whose upper-case sub-headings are headings, not parts. */
    private boolean inItem;
    private boolean seenStatement;

    Headings() {
        this(false);
    }

    Headings(boolean laidOut) {
        this.laidOut = laidOut;
    }

    private static final Pattern CURRENCY = Pattern.compile("(HK\\$|US\\$|S\\$|A\\$|C\\$|RMB|£|€|\\$)(?=\\s?[\\d(])");
    private final Map<String, Integer> currencies = new java.util.HashMap<>();

    /** The currency the text names most before figures ("US$" for a plain "$"), or "". */
    private String currency() {
        return currencies.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse("");
    }

    /** Reads one line of text outside the tables (cleaned, not blank), at its line number. */
    void text(int lineNumber, String text) {
        textSince.add(text);
        prose.add(new dev.crossfoot.extract.narrative.NarrativeReader.Prose(lineNumber, text));
        if (laidOut && text.indexOf('$') + text.indexOf('£') + text.indexOf('€') + text.indexOf("RMB") > -4) {
            Matcher c = CURRENCY.matcher(text);
            while (c.find()) {
                currencies.merge(c.group(1).equals("$") ? "US$" : c.group(1), 1, Integer::sum);
            }
        }
        Matcher m;
        if (laidOut && laidOutHeading(text)) {
            return;
        }
        if (text.startsWith("NOTES TO THE")) {
            startNotes();
        } else if (inNotes && (m = NOTE_HEADING.matcher(text)).matches()) {
            startNote(m.group(1), m.group(2).strip());
        } else if (inNotes && (m = SUB_HEADING.matcher(text)).matches()) {
            String e = m.group(1);
            boolean roman = ROMAN.matcher(e).matches() && !(e.equals("i") && "h".equals(upper));
            if (upperRoman == null) {
                upperRoman = roman;
            }
            if (roman != upperRoman && !upper.isEmpty() && text.startsWith("-")) {
                sub = upper + "-" + e;
            } else {
                upper = e;
                upperRoman = roman;
                sub = e;
            }
            subTitle = LEAD_IN_END.matcher(m.group(2)).replaceAll("").replaceAll("^\\*(.*)\\*$", "$1");
            paragraphsSinceSub = 0;
        } else if (isPeriodSubtitle(text)) {
            return;
        } else if (!inNotes && !inItem && PART_HEADING.matcher(text).matches()) {
            part = text;
            heading = "";
        } else if (isHeading(text) && (!laidOut || titleLike(text) || text.length() <= 50)) {
            heading = text;
            paragraphsSinceHeading = 0;
            if (inNotes) {
                sub = "";
                subTitle = text;
                paragraphsSinceSub = 0;
            }
        } else {
            if (!text.endsWith(":")) {
                paragraphsSinceSub++;
                paragraphsSinceHeading++;
            }
            marker(lineNumber, text);
        }
    }

    /** A line that states the unit of what follows: "(In millions, except per share amounts)", "HK$'000". */
    private static final Pattern UNIT_LINE = Pattern.compile(
            "(?i)\\(?\\s*(?:(?:amounts\\s+)?(?:in|expressed\\s+in)\\s+(?:(?:US\\$|HK\\$|RMB|£|\\$)\\s*)?(?:millions|thousands|billions)|(?:US\\$|HK\\$|RMB|£)\\s*['’]?\\s*000s?)\\b.*");
    /** A part of a Form 10-K: "Item 7. Management's Discussion and Analysis ...". */
    private static final Pattern ITEM = Pattern.compile("(?i)item\\s+\\d{1,2}[a-z]?\\.\\s+(\\S.*)");
    /** A primary statement's title starts with its words, perhaps after "Consolidated" or "Company". */
    private static final Pattern STATEMENT_START = Pattern.compile(
            "(?i)(?:(?:audited|unaudited|condensed|consolidated|company|group|the)\\s+)*(?:statements?\\s+of\\s+[\\p{L} ,'’()&-]+|balance\\s+sheets?"
                    + "|income\\s+statements?|cash\\s+flow\\s+statements?|profit\\s+and\\s+loss\\s+accounts?)(?:\\s+(?:for|as\\s+(?:at|of)|at)\\s+.*)?");
    private static final Pattern NOTES_START = Pattern.compile(
            "(?i)notes(?:\\s+to\\s+(?:the\\s+)?(?:consolidated\\s+)?(?:financial\\s+statements|accounts))?\\s*:?");
    private static final Pattern NUMBERED = Pattern.compile("^(?:note\\s+)?(\\d{1,2})(?:\\.|\\s*[-–—:.])?\\s+(\\S.{1,110})$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SMALL_WORD = Pattern.compile("(?i)a|an|and|as|at|by|for|from|in|into|of|on|or|the|to|with|under|over|per|its|their|our");
    private static final Pattern MONTH_START = Pattern.compile("(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b.*");

    /** A note's heading: its number and title; its sub-headings start anew. */
    private void startNote(String number, String title) {
        note = number;
        noteTitle = title;
        sub = "";
        subTitle = "";
        heading = "";
        upper = "";
        upperRoman = null;
        paragraphsSinceSub = 0;
    }

    private void startNotes() {
        inNotes = true;
        part = "notes";
        note = "";
        sub = "";
        heading = "";
        lastNote = 0;
    }

    // compiled once: tried on every line of a long document
    private static final Pattern CONTINUED_END = Pattern.compile("\\s*\\((?i:continued|cont['’]?d\\.?)\\)\\s*$");
    private static final Pattern CONTINUED_AT_END = Pattern.compile("\\s*\\((?i:continued|cont['’]?d\\.?)\\)$");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    /**
     * The headings of a laid-out document that the text's rules do not know; true when the line was one. A primary
     * statement's title (in any case) names the tables under it and ends the notes; "Notes:" or a note headed 1
     * after a statement starts them; "12 Title Case", "12. TITLE" and "Note 12 – Title" head a note when the
     * numbers run on.
     */
    private boolean laidOutHeading(String text) {
        String plain = CONTINUED_END.matcher(text).replaceAll("");
        if (plain.isEmpty() || UNIT_LINE.matcher(plain).matches()) {
            return true;
        }
        Matcher item = ITEM.matcher(plain);
        if (item.matches() && titleLike(item.group(1))) {
            inNotes = false;
            inItem = true;
            part = plain;
            note = "";
            sub = "";
            heading = "";
            return true;
        }
        if (plain.length() <= 110 && STATEMENT_START.matcher(plain).matches() && !NUMBERED.matcher(plain).matches()
                && Roles.byTitle(plain.toLowerCase(java.util.Locale.ROOT), List.of()) != null && titleLike(plain)) {
            inNotes = false;
            inItem = false;
            seenStatement = true;
            part = plain;
            note = "";
            sub = "";
            heading = "";
            return true;
        }
        if (!inNotes && NOTES_START.matcher(plain).matches()) {
            startNotes();
            return true;
        }
        Matcher m = NUMBERED.matcher(plain);
        if (m.matches() && titleLike(m.group(2)) && !MONTH_START.matcher(m.group(2)).matches()) {
            int n = Integer.parseInt(m.group(1));
            boolean runsOn = inNotes ? n >= lastNote && n <= lastNote + 3 : n <= 2 && seenStatement;
            if (runsOn) {
                if (!inNotes) {
                    startNotes();
                }
                if (n != lastNote || !note.equals(m.group(1))) {
                    startNote(m.group(1), CONTINUED_AT_END.matcher(m.group(2)).replaceAll("").strip());
                }
                lastNote = n;
                return true;
            }
        }
        return false;
    }

    /** A title, not a sentence: short, no full stop, and its words capitalised (or all upper case). */
    static boolean titleLike(String text) {
        if (text.length() > 110 || text.endsWith(".") || text.endsWith(";") || text.endsWith(",")) {
            return false;
        }
        if (text.equals(text.toUpperCase(java.util.Locale.ROOT))) {
            return Cells.hasLetter(text);
        }
        int words = 0;
        int capitalised = 0;
        for (String w : BLANKS.split(text)) {
            if (w.isEmpty() || SMALL_WORD.matcher(w).matches() || !Character.isLetter(w.charAt(0))) {
                continue;
            }
            words++;
            capitalised += Character.isUpperCase(w.charAt(0)) ? 1 : 0;
        }
        return words > 0 && capitalised * 10 >= words * 7;
    }

    /** Where the next table stands; the text since the previous table starts anew. */
    Block.Context tableStarts() {
        String useSub = paragraphsSinceSub <= 2 ? sub : "";
        String useSubTitle = paragraphsSinceSub <= 2 ? subTitle : "";
        String useHeading = laidOut && paragraphsSinceHeading > 2 ? "" : heading;
        Block.Context c = new Block.Context(part, note, noteTitle, useSub, useSubTitle, useHeading, textSince, currency());
        textSince.clear();
        return c;
    }

    Map<String, Extraction.Marker> markers() {
        return markers;
    }

    List<Extraction.Notice> notices() {
        return notices;
    }

    /** A line that only states the period of what follows ("FOR THE YEAR ENDED DECEMBER 31, 2023"): not a sentence. */
    static boolean isPeriodSubtitle(String text) {
        return text.length() <= 100 && !text.endsWith(".") && !text.endsWith(":") && PERIOD_LINE.matcher(text).matches();
    }

    private static boolean isHeading(String text) {
        if (PERIOD_LINE.matcher(text).matches()) {
            return false;
        }
        if (text.length() > 100 || text.endsWith(".") || text.endsWith(":") || text.endsWith(";")) {
            return false;
        }
        return Character.isUpperCase(text.charAt(0)) || text.startsWith("(");
    }

    private void marker(int lineNumber, String text) {
        Matcher m = MARKER_FOOTNOTE.matcher(text);
        if (m.matches() && !markers.containsKey(m.group(1))) {
            String currency = m.group(3);
            markers.put(m.group(1), new Extraction.Marker(m.group(1), m.group(2).strip(), "0",
                    m.group(4).replace(",", ""), currency));
            notices.add(new Extraction.Notice(lineNumber, "footnote '" + m.group(1) + "' read as a range: "
                    + "0 to less than " + currency + m.group(4)));
        }
    }

    /** Every line of text outside the tables, in order. */
    List<dev.crossfoot.extract.narrative.NarrativeReader.Prose> prose() {
        return prose;
    }
}
