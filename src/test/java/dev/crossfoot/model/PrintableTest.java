package dev.crossfoot.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void controlCharactersAndNewlines_areShownEscaped() {
        assertEquals("a\\x1b[2J\\x07b\\r\\nc\\td\\x7f\\x9b", Printable.text("a\u001b[2J\u0007b\r\nc\td\u007f\u009b"));
    }

    @Test
    void invisibleAndBidirectionalCharacters_areShownAsCodePoints() {
        assertEquals("Revenue<U+200F>", Printable.text("Revenue\u200F"));
        assertEquals("Rev<U+200B>enue", Printable.text("Rev\u200Benue"));
        assertEquals("1,2<U+FEFF>34", Printable.text("1,2\uFEFF34"));
        assertEquals("abc<U+202E>fed", Printable.text("abc\u202Efed"));
        assertEquals("a<U+2028>b", Printable.text("a\u2028b"));
    }

    @Test
    void ordinaryTextOfAnyScript_isUnchanged() {
        String s = "營業收入 — Revenue (RMB’000) 1,234.5 ±2 €";
        assertSame(s, Printable.text(s));
    }

    @Test
    void longQuote_isCutWithTheCountOfWhatWasLeftOut() {
        String q = Printable.quote("x".repeat(1000));
        assertEquals("x".repeat(200) + "… (800 more characters)", q);
    }

    @Test
    void reportLineStartingWithAWorkflowCommand_isDefused() {
        assertEquals("\\x3a:error::x", Printable.notACommand("::error::x"));
        assertEquals("        \\x3a:warning x", Printable.notACommand("        ::warning x"));
        assertEquals("a ::error", Printable.notACommand("a ::error"));
    }

    @Test
    void librariesWords_becomeCrossfootsWords() {
        assertEquals("not a baseline: Number value length (2000) exceeds the maximum allowed (at most 1000)",
                Printable.plainWords("not a baseline: Number value length (2000) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNumberLength()`)"));
        assertEquals("expected a value but found a list",
                Printable.plainWords("expected a value but found org.yaml.snakeyaml.events.SequenceStartEvent"));
        assertEquals("not a number: For input string: \"x\"", Printable.plainWords("java.lang.NumberFormatException: For input string: \"x\""));
        assertEquals("see rules.yaml, e.g. Revenue", Printable.plainWords("see rules.yaml, e.g. Revenue"));
    }
}
