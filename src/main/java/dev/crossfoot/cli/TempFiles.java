package dev.crossfoot.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The temporary files and directories a run has made and not yet renamed into place. When the process is
 * ended early (SIGINT, SIGTERM, System.exit), a shutdown hook removes them, so that an interrupted run leaves
 * nothing behind and the earlier report (never touched before the rename) stays as it was.
 */
final class TempFiles {

    private static final Set<Path> PATHS = ConcurrentHashMap.newKeySet();
    private static volatile boolean hooked;

    private TempFiles() {
    }

    /** Remembers {@code path} (a file or a directory) to remove if the process ends before {@link #forget}. */
    static void register(Path path) {
        if (!hooked) {
            synchronized (TempFiles.class) {
                if (!hooked) {
                    Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::removeAll, "crossfoot-temp-files"));
                    hooked = true;
                }
            }
        }
        PATHS.add(path);
    }

    /** {@code path} was renamed into place or removed: nothing to do for it any more. */
    static void forget(Path path) {
        PATHS.remove(path);
    }

    /** The paths now registered (for tests). */
    static Set<Path> registered() {
        return Set.copyOf(PATHS);
    }

    /** Removes every registered path, directories with what they hold; what cannot be removed is left. */
    static void removeAll() {
        for (Path p : List.copyOf(PATHS)) {
            remove(p);
            PATHS.remove(p);
        }
    }

    /** Removes {@code p} and, for a directory, everything under it (links are removed, never followed). */
    static void remove(Path p) {
        try {
            if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> s = Files.walk(p)) {
                    for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(q);
                    }
                }
            } else {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort at exit: nothing else can be done
        }
    }
}
