package dev.crossfoot.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FilingRowsTest {

    private static final List<String> TEXTS = List.of("", "revenue", "Revenue", "revenue ", "total revenue", "a\\", "a\\eb",
            "a\\qb", "x\\ey", "profit/(loss)", "profit", "(loss)/profit", "\\", "\\e", "revenue-2023");

    @Test
    void quotedLiteral_matchesExactlyTheTextsItsMatcherMatches() {
        // labels as the pack reader quotes them, with backslashes and the quote's own markers among them
        for (String literal : List.of("revenue", "", "a\\", "a\\eb", "a\\Eb", "a\\Qb", "x\\E", "\\", "profit/(loss)", "revenue ")) {
            Pattern p = Pattern.compile(Pattern.quote(literal));
            for (String text : TEXTS) {
                assertEquals(p.matcher(text).matches(), FilingRows.matches(p, text), p.pattern() + " against '" + text + "'");
            }
            assertEquals(true, FilingRows.matches(p, literal), p.pattern());
        }
    }

    @Test
    void regularExpression_isMatchedByItsMatcher() {
        for (String regex : List.of("profit|\\(loss\\)/profit", "revenue.*", "\\Qrevenue\\E.*", "(?i)\\Qrevenue\\E")) {
            Pattern p = Pattern.compile(regex);
            for (String text : TEXTS) {
                assertEquals(p.matcher(text).matches(), FilingRows.matches(p, text), regex + " against '" + text + "'");
            }
        }
        Pattern caseless = Pattern.compile("\\Qrevenue\\E", Pattern.CASE_INSENSITIVE);
        assertEquals(true, FilingRows.matches(caseless, "Revenue"), "a flag is the matcher's to apply");
    }
}
