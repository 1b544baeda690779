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

    /** Reads one line of text outside the tables (cleaned, not blank), at its line number. */
    void text(int lineNumber, String text) {
        textSince.add(text);
        Matcher m;
        if (text.startsWith("NOTES TO THE")) {
            inNotes = true;
            part = "notes";
            note = "";
            sub = "";
            heading = "";
        } else if (inNotes && (m = NOTE_HEADING.matcher(text)).matches()) {
            note = m.group(1);
            noteTitle = m.group(2).strip();
            sub = "";
            subTitle = "";
            heading = "";
            upper = "";
            upperRoman = null;
            paragraphsSinceSub = 0;
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
        } else if (!inNotes && PART_HEADING.matcher(text).matches()) {
            part = text;
            heading = "";
        } else if (isHeading(text)) {
            heading = text;
            if (inNotes) {
                sub = "";
                subTitle = text;
                paragraphsSinceSub = 0;
            }
        } else {
            if (!text.endsWith(":")) {
                paragraphsSinceSub++;
            }
            marker(lineNumber, text);
        }
    }

    /** Where the next table stands; the text since the previous table starts anew. */
    Block.Context tableStarts() {
        String useSub = paragraphsSinceSub <= 2 ? sub : "";
        String useSubTitle = paragraphsSinceSub <= 2 ? subTitle : "";
        Block.Context c = new Block.Context(part, note, noteTitle, useSub, useSubTitle, heading, textSince);
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
}
