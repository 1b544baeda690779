package dev.crossfoot.extract.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link Items#find} looks phrases up by their first two characters instead of matching one regular expression that
 * alternates all of them; it must find what that expression found, match for match.
 */
class ItemsFindTest {

    /** What find did before: one alternation of every phrase, longest first, on word boundaries. */
    private static List<Items.Match> byRegex(Items items, String sentence) {
        StringBuilder alt = new StringBuilder();
        for (String p : items.phrases()) {
            alt.append(alt.length() == 0 ? "" : "|").append(Pattern.quote(p));
        }
        if (alt.length() == 0) {
            return List.of();
        }
        Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alt + ")(?![\\p{L}\\p{N}])");
        String lower = sentence.toLowerCase(Locale.ROOT).replace('’', '\'').replace('–', '-').replace('—', '-');
        List<Items.Match> out = new ArrayList<>();
        Matcher m = pattern.matcher(lower);
        while (m.find()) {
            out.add(new Items.Match(m.start(), m.end(), items.itemNamed(m.group())));
        }
        return out;
    }

    private static List<String> fixtureLabels() throws IOException {
        List<String> labels = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("fixtures/sensetime-2023"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String first = line.startsWith("\"") ? line.substring(1, Math.max(1, line.indexOf('"', 1))) : line.split(",", -1)[0];
                    labels.add(first);
                }
            }
        }
        return labels;
    }

    @Test
    void find_onTheBundledAnnouncement_findsWhatTheAlternationFound() throws IOException {
        Items items = new Items(fixtureLabels());
        assertTrue(items.phrases().size() > 100, "phrases: " + items.phrases().size());
        int matched = 0;
        for (String line : Files.readAllLines(Path.of("fixtures/sensetime-2023-announcement.txt"), StandardCharsets.UTF_8)) {
            List<Items.Match> expected = byRegex(items, line);
            assertEquals(expected, items.find(line), line);
            matched += expected.size();
        }
        assertTrue(matched > 200, "matches in the announcement: " + matched);
    }

    @Test
    void find_onGeneratedSentences_findsWhatTheAlternationFound() throws IOException {
        Items items = new Items(fixtureLabels());
        List<String> phrases = items.phrases();
        String[] glue = {" ", ", ", "x", "1", "é", "Ⅻ", "²", "-", "(", ")", "’", "–", "—", "𝐀", "𝟙", "\uDC00", "\uD835", " and ", "", "  "};
        Random random = new Random(23);
        int matched = 0;
        for (int n = 0; n < 3000; n++) {
            StringBuilder s = new StringBuilder();
            int parts = 1 + random.nextInt(6);
            for (int k = 0; k < parts; k++) {
                s.append(glue[random.nextInt(glue.length)]);
                String p = phrases.get(random.nextInt(phrases.size()));
                if (random.nextInt(4) == 0) {
                    p = p.substring(0, 1 + random.nextInt(p.length())); // a phrase cut short
                }
                s.append(random.nextBoolean() ? p.toUpperCase(Locale.ROOT) : p);
            }
            s.append(glue[random.nextInt(glue.length)]);
            List<Items.Match> expected = byRegex(items, s.toString());
            assertEquals(expected, items.find(s.toString()), () -> escaped(s.toString()));
            matched += expected.size();
        }
        assertTrue(matched > 3000, "matches: " + matched);
    }

    /** The text with every character outside printable ASCII as a Java escape, for a readable failure. */
    private static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return b.toString();
    }

    @Test
    void find_withoutPhrases_findsNothing() {
        assertEquals(List.of(), new Items(List.of("Total", "2023")).find("Total revenue in 2023"));
    }
}
