package dev.crossfoot.cli;

import java.io.IOException;
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

    /** A temporary file beside {@code file}, to write the report into before {@link #commit}. */
    static Path temp(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        return Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
    }

    /** Renames the finished temporary file over {@code file}, atomically where the file system can. */
    static void commit(Path tmp, Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        try {
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes {@code text} to {@code file} whole or not at all: a temporary file beside it, then {@link #commit}. */
    static void write(Path file, String text) throws IOException {
        Path tmp = temp(file);
        try {
            Files.writeString(tmp, text, java.nio.charset.StandardCharsets.UTF_8);
            commit(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
