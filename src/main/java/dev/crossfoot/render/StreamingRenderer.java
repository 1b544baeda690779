package dev.crossfoot.render;

import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Report;
import dev.crossfoot.result.Totals;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;

/**
 * A renderer that writes each filing as it comes, so a batch of thousands of filings never holds more
 * than a few reports in memory: {@link #begin}, then {@link #filing} for each filing in order, then
 * {@link #end} with the counts. An instance renders one report (it may keep state between the calls).
 */
public interface StreamingRenderer extends Renderer {

    void begin(boolean exactMode, BigDecimal extraTolerance, Writer out) throws IOException;

    void filing(FilingReport filing, Writer out) throws IOException;

    void end(Totals totals, Writer out) throws IOException;

    @Override
    default void render(Report report, Writer out) throws IOException {
        begin(report.exactMode(), report.extraTolerance(), out);
        for (FilingReport f : report.filings()) {
            filing(f, out);
        }
        end(Totals.of(report), out);
    }
}
