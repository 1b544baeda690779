package dev.crossfoot.render;

import dev.crossfoot.result.Report;
import java.io.IOException;
import java.io.Writer;

/** Formats a report. A renderer formats only: every figure it shows was computed before. */
public interface Renderer {

    void render(Report report, Writer out) throws IOException;
}
