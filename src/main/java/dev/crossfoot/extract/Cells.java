package dev.crossfoot.extract;

import dev.crossfoot.model.Figure;
import dev.crossfoot.model.FigureFormatException;
import dev.crossfoot.model.FigureParser;
import dev.crossfoot.model.Unit;
import java.util.Map;
import java.util.regex.Pattern;

/** What a printed cell is: text as a reader sees it (markup removed, blanks normalised), and the figure it holds. */
final class Cells {

    private static final Pattern MARKUP = Pattern.compile("</?(?:u|i|b|em|strong|sup|sub)>|<hr\\s*/?>|<br\\s*/?>|\\*\\*");
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Pattern OPEN_SPACE = Pattern.compile("\\(\\s+");
    private static final Pattern SPACE_CLOSE = Pattern.compile("\\s+\\)");
    private static final Pattern HYPHENATED = Pattern.compile("([A-Za-z])- ([a-z])");
    private static final Pattern PERCENT_RANGE = Pattern.compile("\\d+(?:\\.\\d+)?%\\s*(?:to|-|–)\\s*\\d+(?:\\.\\d+)?%");

    private Cells() {
    }

    /** Removes markup and normalises blanks: the text as a reader sees it. */
    static String clean(String raw) {
        String t = raw;
        if (t.indexOf('<') >= 0 || t.indexOf('*') >= 0) {
            t = MARKUP.matcher(t).replaceAll(" ");
        }
        t = t.replace("\\$", "$").replace('\u00A0', ' ');
        if (needsSpacing(t)) {
            t = BLANKS.matcher(t).replaceAll(" ").strip();
            t = OPEN_SPACE.matcher(t).replaceAll("(");
            t = SPACE_CLOSE.matcher(t).replaceAll(")");
        }
        return t.strip();
    }

    private static final Pattern LETTER_SPACED = Pattern.compile("\\p{L}(?: \\p{L}){3,}(?: {2,}\\p{L}(?: \\p{L})*)*");

    /**
     * A line printed letter-spaced ("C O N S O L I D A T E D   S T A T E M E N T"): letters one blank apart,
     * words two or more apart. Joined into words; any other text is returned as it is.
     */
    static String unspace(String raw) {
        String t = raw.strip();
        if (!LETTER_SPACED.matcher(t).matches()) {
            return raw;
        }
        StringBuilder b = new StringBuilder();
        for (String word : t.split(" {2,}")) {
            b.append(b.length() == 0 ? "" : " ").append(word.replace(" ", ""));
        }
        return b.toString();
    }

    /** Whether a text has blanks to collapse: a run of two, a tab or newline, or a blank inside parentheses. */
    private static boolean needsSpacing(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ' && i + 1 < t.length() && (Character.isWhitespace(t.charAt(i + 1)) || t.charAt(i + 1) == ')')
                    || c != ' ' && Character.isWhitespace(c) || c == '(' && i + 1 < t.length() && Character.isWhitespace(t.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** A word broken at a line end and joined with a blank ("non- current") is joined back ("non-current"). */
    static String fixHyphenation(String cell) {
        return cell.indexOf("- ") < 0 ? cell : HYPHENATED.matcher(cell).replaceAll("$1-$2");
    }

    /** The figure a cell holds, or null when it is text. Percent signs are accepted. */
    static Figure figure(String cell) {
        if (hasLetter(cell) && !FigureParser.DEFAULT_MARKERS.contains(cell.strip())) {
            return null;
        }
        try {
            return FigureParser.parse(cell, Unit.PERCENT, Map.of());
        } catch (FigureFormatException e) {
            return null;
        }
    }

    /** Whether the cell is an amount (a number, not nil, blank or a marker). */
    static boolean isAmount(String cell) {
        return figure(cell) instanceof Figure.Amount;
    }

    /** Whether the cell holds words or anything else that is not a figure. */
    static boolean isText(String cell) {
        return !cell.isEmpty() && figure(cell) == null;
    }

    static boolean looksLikePercentRange(String cell) {
        return PERCENT_RANGE.matcher(cell).matches();
    }

    static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
