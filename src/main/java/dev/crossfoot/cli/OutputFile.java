package dev.crossfoot.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/** Report files: checked before the run, written whole or not at all (temporary file, then rename). */
final class OutputFile {

    private OutputFile() {
    }

    /** Why the report cannot be written to {@code file}, or null if it can. */
    static String problem(Path file, List<Path> inputs) {
        Path abs = file.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return "cannot write the report to " + file + ": directory " + parent + " does not exist; create it first";
        }
        if (!Files.isWritable(parent)) {
            return "cannot write the report to " + file + ": directory " + parent + " is not writable";
        }
        if (Files.isDirectory(abs)) {
            return "cannot write the report to " + file + ": it is a directory; name a file";
        }
        for (Path in : inputs) {
            Path dir = in.toAbsolutePath().normalize();
            if (abs.startsWith(dir)) {
                return "refusing to write the report into the filing directory " + in
                        + ": crossfoot never writes into its input; choose a path outside it";
            }
        }
        try {
            Files.delete(Files.createTempFile(parent, "." + abs.getFileName() + ".", ".tmp"));
        } catch (IOException | RuntimeException e) {
            return "cannot write the report to " + file + ": " + e.getClass().getSimpleName().replace("Exception", "")
                    .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT) + " (" + e.getMessage() + ")";
        }
        return null;
    }

    static void writeAtomically(Path file, String content) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(content);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
