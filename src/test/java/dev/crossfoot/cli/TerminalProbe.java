package dev.crossfoot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes what {@link Terminal#detect} finds to the file named by its argument: "stdout stderr", each true or false. */
public final class TerminalProbe {

    private TerminalProbe() {
    }

    public static void main(String[] args) throws IOException {
        Terminal t = Terminal.detect();
        Files.writeString(Path.of(args[0]), t.stdout() + " " + t.stderr());
    }
}
