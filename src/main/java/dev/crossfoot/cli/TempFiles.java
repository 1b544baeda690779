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
    private static final Object LOCK = new Object();
    private static boolean closing;
    private static volatile boolean hooked;

    private TempFiles() {
    }

    /** Remembers {@code path} (a file or a directory) to remove if the process ends before {@link #forget}. */
    static void register(Path path) {
        if (!hooked) {
            synchronized (TempFiles.class) {
                if (!hooked) {
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        synchronized (LOCK) {
                            closing = true;
                            removeAll();
                        }
                    }, "crossfoot-temp-files"));
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

    /**
     * A new directory in {@code parent} named {@code prefix} and a random suffix, registered as it is created
     * (see {@link #create}), so that an interruption at any moment leaves nothing behind.
     */
    static Path createDirectory(Path parent, String prefix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path dir = parent.resolve(prefix + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36));
            try {
                create(dir, () -> Files.createDirectory(dir));
                return dir;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** Creates a file or directory at a path. */
    interface Creation {
        void create() throws IOException;
    }

    /**
     * Registers {@code path} and runs {@code creation}, both under the lock the shutdown hook takes: the path is
     * either created and registered before the hook runs, or not created at all (once the hook has run, this
     * throws). A path that already existed (someone else's) is not registered.
     */
    static void create(Path path, Creation creation) throws IOException {
        synchronized (LOCK) {
            if (closing) {
                throw new IOException("crossfoot is being interrupted");
            }
            register(path);
            try {
                creation.create();
            } catch (IOException | RuntimeException e) {
                forget(path);
                throw e;
            }
        }
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
