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
 *
 * <p>A run in a resident server ({@link Resident}) has a {@link Scope} of its own: cancelling it (its client was
 * interrupted) removes that run's paths as the shutdown hook removes a process's, and from then on the run can
 * neither create a temporary file nor rename one into place.
 */
final class TempFiles {

    private static final Set<Path> PATHS = ConcurrentHashMap.newKeySet();
    private static final Object LOCK = new Object();
    private static boolean closing;
    private static volatile boolean hooked;
    private static final InheritableThreadLocal<Scope> SCOPE = new InheritableThreadLocal<>();

    /** The temporary paths of one run in a resident server, and whether that run was cancelled. */
    static final class Scope {
        private final Set<Path> paths = ConcurrentHashMap.newKeySet();
        private boolean cancelled; // guarded by LOCK

        /** Cancels the run: removes its paths now; it can create and rename nothing more. */
        void cancel() {
            synchronized (LOCK) {
                cancelled = true;
                for (Path p : List.copyOf(paths)) {
                    remove(p);
                    paths.remove(p);
                    PATHS.remove(p);
                }
            }
        }

        /** Whether the run was cancelled. */
        boolean cancelled() {
            synchronized (LOCK) {
                return cancelled;
            }
        }

        /** The paths now registered for this run (for tests). */
        Set<Path> registered() {
            return Set.copyOf(paths);
        }
    }

    /** Runs {@code work} on this thread (and the threads it starts) with {@code scope} as its run's. */
    static <T> T within(Scope scope, java.util.function.Supplier<T> work) {
        Scope before = SCOPE.get();
        SCOPE.set(scope);
        try {
            return work.get();
        } finally {
            SCOPE.set(before);
        }
    }

    private static boolean stopped() {
        Scope scope = SCOPE.get();
        return closing || scope != null && scope.cancelled;
    }

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
        Scope scope = SCOPE.get();
        if (scope != null) {
            scope.paths.add(path);
        }
    }

    /** {@code path} was renamed into place or removed: nothing to do for it any more. */
    static void forget(Path path) {
        PATHS.remove(path);
        Scope scope = SCOPE.get();
        if (scope != null) {
            scope.paths.remove(path);
        }
    }

    /**
     * Renames the temporary {@code path} into place with {@code rename}, under the lock the shutdown hook (and a
     * cancelled run, see {@link Scope}) takes: once either has begun, nothing is renamed and this throws, so an
     * interrupted run never puts a file in place after it was told to stop.
     */
    static void commit(Path path, Creation rename) throws IOException {
        synchronized (LOCK) {
            if (stopped()) {
                throw new IOException("crossfoot is being interrupted");
            }
            rename.create();
            forget(path);
        }
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

    /** Creates (or renames) a file or directory at a path. */
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
            if (stopped()) {
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
