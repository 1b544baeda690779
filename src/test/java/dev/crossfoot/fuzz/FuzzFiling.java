package dev.crossfoot.fuzz;

import dev.crossfoot.model.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** What the fuzz targets share: a scratch filing directory, and what an input error must look like. */
final class FuzzFiling {

    private FuzzFiling() {
    }

    /** A new temporary directory holding {@code files} (name to UTF-8 content), removed at exit. */
    static Path create(String prefix, Map<String, String> files) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
        dir.toFile().deleteOnExit();
        return dir;
    }

    /** An input error is fine, as long as it is one non-empty line. */
    static void assertOneLine(InputException e) {
        if (e.getMessage() == null || e.getMessage().isBlank() || e.oneLine().contains("\n")) {
            throw new AssertionError("input errors are one non-empty line: " + e.oneLine(), e);
        }
    }
}
