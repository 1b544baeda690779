package dev.crossfoot.testing;

import dev.crossfoot.extract.Extraction;
import dev.crossfoot.extract.Extractor;
import dev.crossfoot.extract.FilingWriter;
import dev.crossfoot.model.Filing;
import dev.crossfoot.parse.FilingReader;
import dev.crossfoot.parse.NarrativeCsv;
import dev.crossfoot.parse.TextReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** An announcement's text extracted into a filing directory and read back: its tables and its narrative figures. */
public record ExtractedAnnouncement(Filing filing, NarrativeCsv.Narrative narrative) {

    /** The bundled reference announcement. */
    public static final Path BUNDLED = Path.of("fixtures/sensetime-2023-announcement.txt");

    /** The bundled announcement, extracted into {@code dir}. */
    public static ExtractedAnnouncement bundled(Path dir) throws IOException {
        return of(TextReader.lines(BUNDLED, BUNDLED.toString()), dir);
    }

    /** The announcement of these {@code lines} (named as the bundled one), extracted into {@code dir}. */
    public static ExtractedAnnouncement of(List<String> lines, Path dir) throws IOException {
        Extraction x = Extractor.extract(BUNDLED.getFileName().toString(), lines);
        Files.createDirectories(dir);
        FilingWriter.write(dir, FilingWriter.files(x));
        return new ExtractedAnnouncement(FilingReader.read(dir), NarrativeCsv.read(dir));
    }
}
