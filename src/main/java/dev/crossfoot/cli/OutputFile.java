package dev.crossfoot.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Where crossfoot writes, and the one place that decides it. An output's path is followed through every
 * link (of its directory and of itself) to the file it really names; that file must not be, or be inside,
 * any input (a filing directory, a rules or baseline file, a CSV table given alone, or the directory of such
 * a table when the output would replace a file there), nor share its inode with one (a hard link).
 * A regular file is written whole or not at all (a temporary file beside it, created with the umask's mode,
 * then renamed over it); anything else (a character device, a FIFO, {@code /dev/stdout}) is written through,
 * never replaced.
 */
final class OutputFile {

    private OutputFile() {
    }

    /** An output being written: {@link #commit} makes it visible; {@link #close} alone leaves the old file as it was. */
    interface Sink extends AutoCloseable {
        Writer writer();

        /** Finishes the output: renames the temporary file over the target (or flushes a device). */
        void commit() throws IOException;

        /** Removes the temporary file if {@link #commit} was not reached. */
        @Override
        void close() throws IOException;
    }

    /** Why the report cannot be written to {@code file}, or null if it can. {@code inputs}: directories and files read. */
    static String problem(Path file, List<Path> inputs) {
        Path abs = file.toAbsolutePath();
        if (Files.isSymbolicLink(abs) && !Files.exists(abs)) {
            return "cannot write to " + file + ": it is a symbolic link to " + link(abs)
                    + ", which does not exist; remove the link or name another file";
        }
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return "cannot write the report to " + file + ": directory " + parent + " does not exist; create it first";
        }
        Path real;
        try {
            real = real(file);
        } catch (IOException | UncheckedIOException e) {
            return "cannot write to " + file + ": " + reason(e);
        }
        if (Files.isDirectory(real)) {
            return "cannot write the report to " + file + ": it is a directory; name a file";
        }
        String input = intoInput(file, real, inputs);
        if (input != null) {
            return input;
        }
        if (Files.exists(real) && (!Files.isRegularFile(real) || viaDescriptor(file))) {
            return Files.isWritable(real) ? null : "cannot write to " + file + ": it is not writable";
        }
        if (!Files.isWritable(real.getParent())) {
            return "cannot write the report to " + file + ": directory " + parent + " is not writable";
        }
        try {
            Path probe = createTemp(real);
            Files.delete(probe);
            TempFiles.forget(probe);
        } catch (IOException | RuntimeException e) {
            return "cannot write the report to " + file + ": " + reason(e);
        }
        return null;
    }

    /** Opens {@code file} for writing as described above; nothing is visible at the target before {@link Sink#commit}. */
    static Sink open(Path file) throws IOException {
        Path real = real(file);
        if (Files.isDirectory(real)) {
            throw new IOException("it is a directory");
        }
        boolean descriptor = viaDescriptor(file);
        if (Files.exists(real) && (!Files.isRegularFile(real) || descriptor)) {
            // a device, a FIFO, a terminal, or a file the shell opened (/dev/stdout > FILE): written through, never
            // replaced; a regular file reached through a descriptor is appended to, as the shell's '>' or '>>' left it
            OutputStream os = Files.isRegularFile(real)
                    ? Files.newOutputStream(descriptor ? file.toAbsolutePath() : real, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                    : Files.newOutputStream(real, StandardOpenOption.WRITE);
            Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
            return new Sink() {
                @Override
                public Writer writer() {
                    return w;
                }

                @Override
                public void commit() throws IOException {
                    w.flush();
                }

                @Override
                public void close() throws IOException {
                    w.close();
                }
            };
        }
        Path tmp = createTemp(real); // registered with TempFiles before it exists
        Writer w;
        try {
            if (Files.exists(real)) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(real));
            }
            w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            TempFiles.forget(tmp);
            throw e;
        }
        return new Sink() {
            private boolean committed;

            @Override
            public Writer writer() {
                return w;
            }

            @Override
            public void commit() throws IOException {
                w.close();
                TempFiles.commit(tmp, () -> {
                    try {
                        Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
                    }
                });
                committed = true;
            }

            @Override
            public void close() throws IOException {
                if (!committed) {
                    try {
                        w.close();
                    } finally {
                        Files.deleteIfExists(tmp);
                        TempFiles.forget(tmp);
                    }
                }
            }
        };
    }

    /** Writes {@code text} to {@code file} whole or not at all (see {@link #open}). */
    static void write(Path file, String text) throws IOException {
        try (Sink s = open(file)) {
            s.writer().write(text);
            s.commit();
        }
    }

    /**
     * The file {@code file} names once every link is followed: itself when it exists (through its links),
     * else its directory's real path and its name. A path that exists but has no name (such as
     * {@code /proc/self/fd/1} on a pipe) is itself.
     */
    static Path real(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        if (Files.exists(abs)) {
            try {
                return abs.toRealPath();
            } catch (IOException e) {
                return abs;
            }
        }
        if (Files.isSymbolicLink(abs)) {
            throw new IOException("it is a symbolic link to " + link(abs) + ", which does not exist");
        }
        Path parent = abs.getParent();
        if (parent == null) {
            throw new IOException("it has no directory");
        }
        Path name = abs.getFileName();
        if (name.toString().equals("..") || name.toString().equals(".")) {
            return abs.toRealPath();
        }
        return parent.toRealPath().resolve(name);
    }

    /**
     * Whether {@code file} is, or links (in any number of steps) to, an open file descriptor of the process:
     * {@code /dev/stdout}, {@code /dev/fd/N}, {@code /proc/self/fd/N}. What it names was opened by someone else
     * (the shell) and is written through, never replaced, even when it is a regular file.
     */
    static boolean viaDescriptor(Path file) {
        Path p = file.toAbsolutePath().normalize();
        for (int hops = 0; hops < 40; hops++) {
            String s = p.toString();
            if (s.startsWith("/proc/") || s.startsWith("/dev/fd/") || s.equals("/dev/stdout") || s.equals("/dev/stderr")) {
                return true;
            }
            if (!Files.isSymbolicLink(p)) {
                return false;
            }
            try {
                p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    /** Why {@code real} (which {@code file} names) would write into one of {@code inputs}, or null. */
    private static String intoInput(Path file, Path real, List<Path> inputs) {
        boolean exists = Files.exists(real);
        for (Path in : inputs) {
            Path inReal;
            try {
                inReal = in.toRealPath();
            } catch (IOException e) {
                continue; // an input that does not exist is reported when it is read
            }
            if (Files.isDirectory(inReal)) {
                if (real.startsWith(inReal)) {
                    return "refusing to write to " + file + ": it is inside the input directory " + in
                            + (real.equals(file.toAbsolutePath().normalize()) ? "" : " (through a link)")
                            + "; crossfoot never writes into its input; choose a path outside it";
                }
                continue;
            }
            if (real.equals(inReal) || exists && same(real, inReal)) {
                return "refusing to write to " + file + ": it is the input file " + in
                        + "; crossfoot never writes into its input; choose another path";
            }
            if (exists && isTable(inReal) && Objects.equals(real.getParent(), inReal.getParent())) {
                return "refusing to replace " + file + ": it is beside the input table " + in
                        + " and crossfoot never replaces a file in the directory of its input tables; choose a new name or another directory";
            }
        }
        if (exists && Files.isRegularFile(real) && links(real) > 1) {
            Object key = key(real);
            for (Path in : inputs) {
                Path linked = hardLinked(in, key);
                if (linked != null) {
                    return "refusing to write to " + file + ": it is a hard link to the input file " + linked
                            + "; crossfoot never writes into its input; choose another path";
                }
            }
        }
        return null;
    }

    /** A file of {@code in} (a file, or a directory up to three levels down) with inode {@code key}, or null. */
    private static Path hardLinked(Path in, Object key) {
        if (!Files.isDirectory(in)) {
            return Files.isRegularFile(in) && key.equals(key(in)) ? in : null;
        }
        try (Stream<Path> s = Files.walk(in, 3)) {
            return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && key.equals(key(p))).findFirst().orElse(null);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    private static boolean isTable(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (n.endsWith(".csv") || n.endsWith(".tsv"));
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static Object key(Path p) {
        try {
            Object k = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            return k == null ? p : k;
        } catch (IOException e) {
            return p;
        }
    }

    private static int links(Path p) {
        try {
            return ((Number) Files.getAttribute(p, "unix:nlink")).intValue();
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }

    private static String link(Path p) {
        try {
            return Files.readSymbolicLink(p).toString();
        } catch (IOException e) {
            return "a missing file";
        }
    }

    /**
     * A new empty file beside {@code real}, named {@code .NAME.<random>.tmp}, created without explicit
     * permissions so that the process's umask gives it the mode any new file gets (0644 under umask 022).
     * It is registered with {@link TempFiles} before it is created, so that an interruption at any moment
     * leaves nothing behind.
     */
    private static Path createTemp(Path real) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = real.resolveSibling("." + real.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                TempFiles.create(tmp, () -> Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close());
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** An I/O problem in words: its kind and what the system said. */
    static String reason(Exception e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String kind = t.getClass().getSimpleName();
        if (kind.equals("IOException") || kind.equals("FileSystemException")) {
            return t.getMessage() == null ? "input/output error" : t.getMessage();
        }
        return kind.replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)
                + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")");
    }
}
