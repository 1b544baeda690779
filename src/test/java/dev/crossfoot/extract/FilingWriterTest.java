package dev.crossfoot.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crossfoot.model.Filing;
import dev.crossfoot.parse.FilingReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What FilingWriter writes, FilingReader reads back with the same texts, whatever they hold. */
class FilingWriterTest {

    /** Line breaks YAML knows (NEL, LS, PS), controls, a BOM, quotes, a backslash, YAML's own signs, and other scripts. */
    static final String HOSTILE = "a\u0085b\u2028c\u2029d \u0007\u001B[31m \u007F\u009B \uFEFF \"q\" 'q' \\ # x: y - [z] {w} "
            + "&a *b !c | > % @ ` 資產 Straße 😀\ttab";

    @TempDir
    Path temp;

    @Test
    void everyTextReadsBackUnchanged_andALineBreakInTheSourceStaysInTheComment() throws IOException {
        Extraction.Table table = new Extraction.Table("t1", "Title: " + HOSTILE, "note", 3, 5, "RMB'000", List.of("2023", "2023 %"),
                Map.of("2023 %", "%"), Map.of(), List.of(new Extraction.Row(4, "", "Revenue", List.of("1,000", "100.0"))));
        Extraction x = new Extraction("/tmp/odd\nname.txt", "Issuer " + HOSTILE, "Document " + HOSTILE, List.of("2023", "yes"),
                List.of(table), Map.of("*", new Extraction.Marker("*", "less than " + HOSTILE, "0", "1", "RMB'000")), List.of(),
                List.of());
        FilingWriter.write(temp, FilingWriter.files(x));
        Filing back = FilingReader.read(temp);
        assertEquals(x.issuer(), back.issuer());
        assertEquals(x.document(), back.document());
        assertEquals(List.of("2023", "yes"), back.periods());
        assertEquals(table.title(), back.tables().get("t1").title());
        assertEquals(List.of("2023", "2023 %"), back.tables().get("t1").columns());
        assertEquals("note", back.tables().get("t1").role());
    }
}
