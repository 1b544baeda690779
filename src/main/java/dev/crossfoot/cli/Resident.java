package dev.crossfoot.cli;

import static dev.crossfoot.cli.ResidentWire.*;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import dev.crossfoot.cli.ResidentWire.Frame;
import dev.crossfoot.cli.ResidentWire.Request;
import dev.crossfoot.cli.ResidentWire.Wire;

/**
 * The resident mode (opt-in: {@code CROSSFOOT_RESIDENT=1 scripts/crossfoot ARGS}): a client that runs the command line
 * in a warm crossfoot server process of the same user, starting one if none is running, and a server that runs one
 * request at a time as {@link Main#run} runs it in a process of its own, with the client's working directory,
 * terminal, environment (the variables crossfoot reads, {@link Terminal#READ}) and standard output and error.
 *
 * <p>The client loads neither picocli nor the checker: only this class, {@link Terminal} and the JDK's sockets. Any
 * failure to reach or start a server, and any request a server refuses, runs the command line in the client's own
 * process instead ({@link Main#main}), which prints the same.
 *
 * <p>Safety: the socket is in a private directory ({@code $XDG_RUNTIME_DIR/crossfoot}, else
 * {@code ${TMPDIR:-/tmp}/crossfoot-UID}), made 0700 and refused when it is not a directory of this user's that only
 * this user can enter. A socket's name is a hash of its key: the jar (path, size, modification time), the JVM and its
 * options, the working directory, the umask and the environment variables that set the JVM's defaults (locale, time
 * zone, options); a server serves only requests that carry its own key in full. It exits after an idle period
 * ({@code CROSSFOOT_RESIDENT_IDLE} seconds, default 600), when its jar changes, and when told to stop
 * ({@code CROSSFOOT_RESIDENT=stop}). Its own messages go to a log file beside its socket.
 *
 * <p>Requests are served one at a time: a run's standard output, terminal, and temporary files
 * ({@link TempFiles.Scope}) are its own, but nothing else in crossfoot was written for two runs in one process at
 * once, so none runs beside another.
 */
final class Resident {
    /** The idle period after which a server exits, when {@code CROSSFOOT_RESIDENT_IDLE} does not say. */
    static final long DEFAULT_IDLE_SECONDS = 600;

    /** The environment variables that set a JVM's defaults (charset, locale, time zone, options): part of the key. */
    static final List<String> JVM_ENVIRONMENT = List.of("LANG", "LC_ALL", "LC_CTYPE", "TZ", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS");

    private Resident() {
    }

    /**
     * The launcher's entry. {@code serve SOCKET IDLE_MILLIS}: a server (its key in {@code CROSSFOOT_RESIDENT_KEY}).
     * Otherwise a client: {@code MODE UMASK UID N OPTION... ARG...}, where MODE is {@code stop} to stop this user's
     * servers (anything else runs ARG...), UMASK and UID are the launcher's, and the N OPTIONs are the server's JVM options.
     */
    public static void main(String[] a) throws IOException, InterruptedException {
        if (a.length >= 3 && a[0].equals("serve")) {
            serve(Path.of(a[1]), Long.parseLong(a[2]));
            return;
        }
        int n = Integer.parseInt(a[3]);
        List<String> options = List.of(Arrays.copyOfRange(a, 4, 4 + n));
        String[] args = Arrays.copyOfRange(a, 4 + n, a.length);
        long uid = Long.parseLong(a[2]);
        Path dir = directory(System.getenv("XDG_RUNTIME_DIR"), System.getenv("TMPDIR"), uid);
        if (a[0].equals("stop")) {
            System.exit(stopAll(dir, uid, System.err));
        }
        String why;
        try {
            Path cwd = Path.of("").toAbsolutePath();
            // the directory's identity too: one moved away and another made at its path is another directory
            Object inode = Files.readAttributes(cwd, BasicFileAttributes.class).fileKey();
            String key = key(classPathIdentity(), javaIdentity(), options, cwd + " " + inode, a[1], jvmEnvironment());
            Terminal terminal = Terminal.detect();
            Request request = new Request(key, cwd.toString(), List.of(args), terminal.stdout(), terminal.stderr(), Terminal.environment());
            ResidentClient.Call call = call(dir, uid, new ResidentClient(dir, key, cwd, javaCommand(options), idleMillis()), request, System.console() != null,
                    new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err));
            if (call.served()) {
                Runtime.getRuntime().addShutdownHook(new Thread(call, "crossfoot-resident-cancel"));
                int code = call.await();
                if (code >= 0) {
                    System.exit(code);
                }
                // cancelled: this process is ending on a signal, with its exit status
                Thread.sleep(Long.MAX_VALUE);
            }
            why = call.why();
        } catch (IOException | RuntimeException e) {
            why = String.valueOf(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "interrupted";
        }
        if (Arrays.asList(args).contains("--verbose")) {
            System.err.println("crossfoot: resident: " + why + "; running in this process");
        }
        Main.main(args);
    }

    // ------------------------------------------------------------------ what the client decides before it connects

    /**
     * The client's request sent to its server (started if need be), or why not: the command line must run in the
     * client ({@link #unservable}), the directory is not private ({@link #unsafe}), or no server took it.
     */
    static ResidentClient.Call call(Path dir, long uid, ResidentClient client, Request request, boolean console, OutputStream out, OutputStream err)
            throws IOException, InterruptedException {
        String why = unservable(request.args().toArray(new String[0]), console, Path.of(request.cwd()));
        if (why == null) {
            why = unsafe(dir, uid);
        }
        if (why != null) {
            return new ResidentClient.Call(null, out, err, why);
        }
        return client.call(request, out, err);
    }

    /**
     * Why this command line must run in the client's own process, or null: an argument names the process's own
     * descriptors or devices ({@code /dev/stdout}, {@code /proc/self/...}, or a link to one: the server's would be
     * others), or picocli may print its help in colour, which it decides from the process's console
     * ({@code console}: the client has one). {@code cwd}: where relative arguments are.
     */
    static String unservable(String[] args, boolean console, Path cwd) {
        for (String arg : args) {
            if (arg.contains("/dev/") || arg.contains("/proc/") || device(cwd, arg)
                    || arg.startsWith("-") && arg.indexOf('=') > 0 && device(cwd, arg.substring(arg.indexOf('=') + 1))) {
                return "an argument names a device or /proc (" + arg + "), which the server would open as its own";
            }
        }
        if (console) {
            boolean help = args.length == 0;
            for (String arg : args) {
                help |= arg.equals("help") || arg.equals("--help") || arg.matches("-[A-Za-z]*h[A-Za-z]*");
            }
            if (help) {
                return "help on a terminal, whose colours picocli takes from the process's console";
            }
        }
        return null;
    }

    /**
     * Whether {@code arg}, as a path, is or passes through a link to something under /dev or /proc (where
     * {@code /dev/stdout} and {@code /proc/self} are the process's own), following each link on the way without
     * following the last one into what it names.
     */
    private static boolean device(Path cwd, String arg) {
        if (arg.isEmpty() || arg.indexOf('\0') >= 0) {
            return false;
        }
        try {
            return device(cwd.resolve(arg).normalize(), 0);
        } catch (IOException | RuntimeException e) {
            return true; // a link that cannot be read: leave it to a process of its own
        }
    }

    private static boolean device(Path p, int links) throws IOException {
        if (p.startsWith("/dev") || p.startsWith("/proc") || links > 40) {
            return true;
        }
        Path q = p.getRoot();
        for (Path name : p) {
            q = q == null ? name : q.resolve(name);
            if (Files.isSymbolicLink(q)) {
                Path target = q.getParent() == null ? Files.readSymbolicLink(q) : q.getParent().resolve(Files.readSymbolicLink(q));
                return device(target.resolve(q.relativize(p)).normalize(), links + 1);
            }
        }
        return false;
    }

    /** The private directory of this user's sockets. */
    static Path directory(String xdgRuntimeDir, String tmpdir, long uid) {
        if (xdgRuntimeDir != null && !xdgRuntimeDir.isEmpty() && Path.of(xdgRuntimeDir).isAbsolute()) {
            return Path.of(xdgRuntimeDir, "crossfoot");
        }
        String tmp = tmpdir == null || tmpdir.isEmpty() ? "/tmp" : tmpdir;
        return Path.of(tmp, "crossfoot-" + uid).toAbsolutePath();
    }

    /**
     * Makes {@code dir} (0700) when it is missing; returns why it must not be used, or null: it must be a directory
     * (not a link), owned by {@code uid}, that neither its group nor others may enter, read or write.
     */
    static String unsafe(Path dir, long uid) {
        try {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException e) {
                // checked below
            }
            PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isDirectory()) {
                return dir + " is not a directory";
            }
            Object owner = Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            if (!(owner instanceof Integer i) || i.longValue() != uid) {
                return dir + " is not owned by this user (uid " + uid + ")";
            }
            Set<PosixFilePermission> p = attributes.permissions();
            for (PosixFilePermission q : p) {
                if (q.name().startsWith("GROUP") || q.name().startsWith("OTHERS")) {
                    return dir + " is open to others (" + PosixFilePermissions.toString(p) + "); it must be rwx------";
                }
            }
            if (!p.contains(PosixFilePermission.OWNER_READ) || !p.contains(PosixFilePermission.OWNER_WRITE)
                    || !p.contains(PosixFilePermission.OWNER_EXECUTE)) {
                return dir + " is not rwx------ (" + PosixFilePermissions.toString(p) + ")";
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "cannot use " + dir + ": " + e;
        }
    }

    /** The key a server serves: what makes a run in it mean what it means in a process of its own. */
    static String key(String classPath, String java, List<String> options, String cwd, String umask, Map<String, String> jvmEnvironment) {
        StringBuilder k = new StringBuilder("crossfoot-resident 1\n");
        k.append("jar ").append(classPath).append('\n');
        k.append("java ").append(java).append('\n');
        for (String o : options) {
            k.append("option ").append(o).append('\n');
        }
        k.append("cwd ").append(cwd).append('\n');
        k.append("umask ").append(umask).append('\n');
        for (Map.Entry<String, String> e : new TreeMap<>(jvmEnvironment).entrySet()) {
            k.append("env ").append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        return k.toString();
    }

    /** The file name of a key's socket, log and lock, without extension: 64 bits of FNV-1a, in hexadecimal. */
    static String name(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        String hex = Long.toHexString(h);
        return "0".repeat(16 - hex.length()) + hex;
    }

    /** The class path's entries, each with its size and modification time: a rebuilt jar is another. */
    static String classPathIdentity() {
        StringBuilder s = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            s.append(p);
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                s.append(' ').append(a.size()).append(' ').append(a.lastModifiedTime().toMillis());
            } catch (IOException e) {
                s.append(" missing");
            }
            s.append(';');
        }
        return s.toString();
    }

    private static String javaIdentity() {
        return System.getProperty("java.home") + " " + System.getProperty("java.vm.version");
    }

    private static Map<String, String> jvmEnvironment() {
        Map<String, String> env = new TreeMap<>();
        for (String name : JVM_ENVIRONMENT) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        return env;
    }

    private static long idleMillis() {
        String s = System.getenv("CROSSFOOT_RESIDENT_IDLE");
        long seconds = DEFAULT_IDLE_SECONDS;
        if (s != null && s.strip().matches("[0-9]{1,9}")) {
            seconds = Long.parseLong(s.strip());
        }
        return Math.max(1, seconds) * 1000;
    }

    /** The command that starts a server: this JVM's {@code java}, the server's options, this class path; setsid when there is one. */
    private static List<String> javaCommand(List<String> options) {
        List<String> cmd = new ArrayList<>();
        for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(setsid))) {
                cmd.add(setsid); // out of the terminal's process group: a Ctrl-C in the terminal is the client's alone
                break;
            }
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(options);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Resident.class.getName());
        return cmd;
    }

    /** Stops every server in {@code dir}; says how many on {@code err}. */
    static int stopAll(Path dir, long uid, PrintStream err) {
        String problem = unsafe(dir, uid);
        if (problem != null) {
            err.println("crossfoot: resident: " + problem);
            return ExitCodes.UNUSABLE;
        }
        int stopped = 0;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path socket : s.filter(p -> p.getFileName().toString().endsWith(".sock")).sorted().toList()) {
                try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                    Wire w = new Wire(ch);
                    w.send(STOP, new byte[0]);
                    Frame f = w.read();
                    if (f != null && f.type() == STOPPED) {
                        stopped++;
                    }
                } catch (IOException e) {
                    Files.deleteIfExists(socket); // no server behind it
                }
            }
        } catch (IOException e) {
            err.println("crossfoot: resident: cannot list " + dir + ": " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
        err.println("crossfoot: resident: stopped " + stopped + (stopped == 1 ? " server" : " servers") + " (" + dir + ")");
        return ExitCodes.OK;
    }
    private static void serve(Path socket, long idleMillis) throws IOException, InterruptedException {
        String key = System.getenv("CROSSFOOT_RESIDENT_KEY");
        if (key == null) {
            throw new IllegalStateException("CROSSFOOT_RESIDENT_KEY is not set");
        }
        ResidentServer server = ResidentServer.start(socket, key, idleMillis, Resident::classPathIdentity, () -> System.exit(0));
        Runtime.getRuntime().addShutdownHook(new Thread(server::removeSocket, "crossfoot-resident-exit"));
        log("started, pid " + ProcessHandle.current().pid() + ", socket " + socket + ", idle exit after " + idleMillis / 1000 + " s");
        server.acceptor.join();
    }

    static void log(String message) {
        System.err.println(Instant.now() + " crossfoot resident: " + message);
    }
}
