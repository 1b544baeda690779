package dev.crossfoot.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.model.NarrativeFigure;
import dev.crossfoot.parse.NarrativeCsv;
import dev.crossfoot.parse.TextReader;
import dev.crossfoot.result.Finding;
import dev.crossfoot.testing.ExtractedAnnouncement;
import dev.crossfoot.result.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's mutation test over the announcement's text itself: every narrative figure that ties to the tables is
 * misprinted in a copy of the text (its last digit moved by 7, that is +7 or -3 printed units), the copy is
 * extracted and checked again, and that figure's check must warn. The unchanged text warns only on the two
 * Traditional AI shares (NarrativeTiesTest). Long: one extraction of the whole announcement per figure.
 */
@Tag("long")
class NarrativeTextMutationTest {

    @TempDir
    Path dir;

    private record Run(NarrativeCsv.Narrative narrative, NarrativeTies.Outcome outcome) {
    }

    private Run run(List<String> lines, String name) throws IOException {
        ExtractedAnnouncement x = ExtractedAnnouncement.of(lines, dir.resolve(name));
        return new Run(x.narrative(), new NarrativeTies(x.filing(), CheckOptions.DEFAULT)
                .tie(x.narrative().document(), x.narrative().figures()));
    }

    private static Finding find(NarrativeTies.Outcome o, String at, String printed, String period) {
        return o.findings().stream().filter(x -> x.reported().equals(printed) && x.narrated().at().equals(at)
                && x.column().equals(period)).findFirst().orElse(null);
    }

    /** {@code printed} with its last digit moved by 7 (mod 10), or null if it has no digit. */
    static String misprinted(String printed) {
        for (int i = printed.length() - 1; i >= 0; i--) {
            char c = printed.charAt(i);
            if (c >= '0' && c <= '9') {
                return printed.substring(0, i) + (char) ('0' + (c - '0' + 7) % 10) + printed.substring(i + 1);
            }
        }
        return null;
    }

    @Test
    void everyTiedFigure_misprintedInTheText_warnsAfterExtraction() throws IOException {
        List<String> lines = TextReader.lines(ExtractedAnnouncement.BUNDLED, ExtractedAnnouncement.BUNDLED.toString());
        Run base = run(lines, "base");
        List<String> survivors = new ArrayList<>();
        int tried = 0;
        for (NarrativeFigure f : base.narrative().figures()) {
            Finding before = find(base.outcome(), f.at(), f.printed(), f.period());
            if (before == null || before.status() != Status.PASS) {
                continue;
            }
            String line = lines.get(f.line() - 1);
            int at = line.indexOf(f.printed());
            String wrong = misprinted(f.printed());
            if (at < 0 || wrong == null) {
                survivors.add(f.at() + " " + f.printed() + ": not found as printed on its line");
                continue;
            }
            tried++;
            List<String> copy = new ArrayList<>(lines);
            copy.set(f.line() - 1, line.substring(0, at) + wrong + line.substring(at + f.printed().length()));
            Finding after = find(run(copy, "m" + tried).outcome(), f.at(), wrong, f.period());
            if (after == null || after.status() != Status.WARN) {
                survivors.add(f.at() + " " + f.printed() + " -> " + wrong + ": " + (after == null ? "no longer tied" : after.status()));
            }
        }
        assertTrue(tried >= 45, "figures misprinted: " + tried);
        assertEquals(List.of(), survivors);
    }

    @Test
    void misprinted_movesTheLastDigit() {
        assertEquals("RMB3,405.5 million", misprinted("RMB3,405.8 million"));
        assertEquals("53.6%", misprinted("53.9%"));
        assertEquals(null, misprinted("no digits"));
    }
}
