package dev.crossfoot.cli;

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

    // frames: one byte of type, four of length, the data
    static final byte REQUEST = 'Q';
    static final byte STOP = 'S';
    static final byte CANCEL = 'C';
    static final byte ACK = 'A';
    static final byte OUT = 'O';
    static final byte ERR = 'E';
    static final byte EXIT = 'X';
    static final byte REFUSED = 'R';
    static final byte CANCELLED = 'K';
    static final byte STOPPED = 'T';
    static final byte STARTED = 'G';

    /** The longest frame read: a chunk of output is at most what one write passes, a request what a command line holds. */
    private static final int MAX_FRAME = 64 * 1024 * 1024;

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
            String key = key(classPathIdentity(), javaIdentity(), options, cwd.toString(), a[1], jvmEnvironment());
            Terminal terminal = Terminal.detect();
            Request request = new Request(key, cwd.toString(), List.of(args), terminal.stdout(), terminal.stderr(), Terminal.environment());
            Client.Call call = call(dir, uid, new Client(dir, key, cwd, javaCommand(options), idleMillis()), request, System.console() != null,
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
    static Client.Call call(Path dir, long uid, Client client, Request request, boolean console, OutputStream out, OutputStream err)
            throws IOException, InterruptedException {
        String why = unservable(request.args().toArray(new String[0]), console);
        if (why == null) {
            why = unsafe(dir, uid);
        }
        if (why != null) {
            return new Client.Call(null, out, err, why);
        }
        return client.call(request, out, err);
    }

    /**
     * Why this command line must run in the client's own process, or null: an argument names the process's own
     * descriptors ({@code /dev/stdout}, {@code /proc/self/...}: the server's would be others), or picocli may print
     * its help in colour, which it decides from the process's console ({@code console}: the client has one).
     */
    static String unservable(String[] args, boolean console) {
        for (String arg : args) {
            if (arg.contains("/dev/") || arg.contains("/proc/")) {
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

    // ------------------------------------------------------------------ the wire

    /** A frame: its type and its data. */
    record Frame(byte type, byte[] data) {
    }

    /** Frames over a socket; sending is safe from several threads, reading is one thread's. */
    static final class Wire {
        private final SocketChannel ch;

        Wire(SocketChannel ch) {
            this.ch = ch;
        }

        synchronized void send(byte type, byte[] data) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(5 + data.length);
            b.put(type).putInt(data.length).put(data).flip();
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }

        /** The next frame, or null at the end of the stream. */
        Frame read() throws IOException {
            ByteBuffer head = ByteBuffer.allocate(5);
            if (!fill(head)) {
                return null;
            }
            head.flip();
            byte type = head.get();
            int length = head.getInt();
            if (length < 0 || length > MAX_FRAME) {
                throw new IOException("a frame of " + length + " bytes");
            }
            ByteBuffer data = ByteBuffer.allocate(length);
            if (!fill(data)) {
                throw new IOException("the stream ended inside a frame");
            }
            return new Frame(type, data.array());
        }

        private boolean fill(ByteBuffer b) throws IOException {
            while (b.hasRemaining()) {
                if (ch.read(b) < 0) {
                    if (b.position() == 0) {
                        return false;
                    }
                    throw new IOException("the stream ended inside a frame");
                }
            }
            return true;
        }
    }

    /** What a client asks: its key, working directory, command line, terminal and environment. */
    record Request(String key, String cwd, List<String> args, boolean stdoutTerminal, boolean stderrTerminal, Map<String, String> env) {

        byte[] encode() {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream d = new DataOutputStream(bytes);
                string(d, key);
                string(d, cwd);
                d.writeInt(args.size());
                for (String a : args) {
                    string(d, a);
                }
                d.writeBoolean(stdoutTerminal);
                d.writeBoolean(stderrTerminal);
                d.writeInt(env.size());
                for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
                    string(d, e.getKey());
                    string(d, e.getValue());
                }
                d.flush();
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static Request decode(byte[] data) throws IOException {
            DataInputStream d = new DataInputStream(new java.io.ByteArrayInputStream(data));
            String key = string(d);
            String cwd = string(d);
            int n = d.readInt();
            List<String> args = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                args.add(string(d));
            }
            boolean out = d.readBoolean();
            boolean err = d.readBoolean();
            int m = d.readInt();
            Map<String, String> env = new TreeMap<>();
            for (int i = 0; i < m; i++) {
                env.put(string(d), string(d));
            }
            return new Request(key, cwd, List.copyOf(args), out, err, env);
        }

        private static void string(DataOutputStream d, String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            d.writeInt(b.length);
            d.write(b);
        }

        private static String string(DataInputStream d) throws IOException {
            int n = d.readInt();
            if (n < 0 || n > MAX_FRAME) {
                throw new IOException("a string of " + n + " bytes");
            }
            return new String(d.readNBytes(n), StandardCharsets.UTF_8);
        }
    }

    // ------------------------------------------------------------------ the client

    /** Reaches the server of a key in a directory, starting it when none answers. */
    static final class Client {
        private final Path dir;
        private final String key;
        private final Path cwd;
        private final List<String> javaCommand;
        private final long idleMillis;

        /**
         * @param javaCommand the command that starts a server JVM, up to its main class (null: never start one)
         */
        Client(Path dir, String key, Path cwd, List<String> javaCommand, long idleMillis) {
            this.dir = dir;
            this.key = key;
            this.cwd = cwd;
            this.javaCommand = javaCommand;
            this.idleMillis = idleMillis;
        }

        Path socket() {
            return dir.resolve(name(key) + ".sock");
        }

        Path log() {
            return dir.resolve(name(key) + ".log");
        }

        /** Sends the request to the server (started if need be) and begins the call; see {@link Call#served}. */
        Call call(Request request, OutputStream out, OutputStream err) throws IOException, InterruptedException {
            SocketChannel ch = connect();
            if (ch == null) {
                return new Call(null, out, err, "no server answered at " + socket() + " and none could be started (see " + log() + ")");
            }
            Wire wire = new Wire(ch);
            String why = null;
            try {
                wire.send(REQUEST, request.encode());
                Frame first = wire.read();
                if (first == null) {
                    why = "the server closed the connection before answering";
                } else if (first.type() == REFUSED) {
                    why = "the server refused: " + new String(first.data(), StandardCharsets.UTF_8);
                } else if (first.type() != STARTED) {
                    why = "the server answered '" + (char) first.type() + "'";
                }
            } catch (IOException e) {
                why = "the connection failed: " + e.getMessage();
            }
            if (why != null) {
                ch.close();
                return new Call(null, out, err, why);
            }
            Call call = new Call(wire, out, err, null);
            call.begin();
            return call;
        }

        private SocketChannel connect() throws IOException, InterruptedException {
            SocketChannel ch = tryConnect(socket());
            if (ch != null || javaCommand == null) {
                return ch;
            }
            try (FileChannel lockFile = FileChannel.open(dir.resolve(name(key) + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = lockFile.lock()) {
                ch = tryConnect(socket()); // another client may have started it meanwhile
                if (ch != null) {
                    return ch;
                }
                Files.deleteIfExists(socket()); // a server that ended without removing it
                Process server = start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (ch == null && server.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                    ch = tryConnect(socket());
                }
                return ch;
            }
        }

        private Process start() throws IOException {
            Path log = log();
            if (Files.exists(log) && Files.size(log) > 1024 * 1024) {
                Files.delete(log);
            }
            List<String> cmd = new ArrayList<>(javaCommand);
            cmd.add("serve");
            cmd.add(socket().toString());
            cmd.add(String.valueOf(idleMillis));
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true);
            pb.environment().put("CROSSFOOT_RESIDENT_KEY", key);
            return pb.start();
        }

        private static SocketChannel tryConnect(Path socket) {
            if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            try {
                return SocketChannel.open(UnixDomainSocketAddress.of(socket));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /**
         * One request in progress: the client's side writes the server's output as it comes, standard output one
         * write at a time with the result sent back (so a write error is the run's, as in a process of its own).
         */
        static final class Call implements Runnable {
            private final Wire wire;
            private final OutputStream out;
            private final OutputStream err;
            private final CountDownLatch ended = new CountDownLatch(1);
            private volatile String why;
            private volatile int code = ExitCodes.INTERNAL;
            private Thread reader;

            Call(Wire wire, OutputStream out, OutputStream err, String why) {
                this.wire = wire;
                this.out = out;
                this.err = err;
                this.why = why;
            }

            /** As a shutdown hook: cancels the run when the client is interrupted before it ended. */
            @Override
            public void run() {
                cancel();
            }

            void begin() {
                reader = new Thread(null, null, "crossfoot-resident-client") {
                    @Override
                    public void run() {
                        read();
                    }
                };
                reader.setDaemon(true);
                reader.start();
            }

            private void read() {
                try {
                    while (true) {
                        Frame f = wire.read();
                        if (f == null) {
                            // the server ended in the middle of the run (it has taken it: too late to run it here)
                            code = ExitCodes.INTERNAL;
                            err.write("crossfoot: internal error: the resident server ended during the run (see its log)\n".getBytes(StandardCharsets.UTF_8));
                            err.flush();
                            return;
                        }
                        switch (f.type()) {
                            case OUT -> {
                                byte[] ack;
                                try {
                                    out.write(f.data());
                                    ack = new byte[] {0};
                                } catch (IOException e) {
                                    byte[] m = e.getMessage() == null ? new byte[0] : e.getMessage().getBytes(StandardCharsets.UTF_8);
                                    ack = new byte[m.length + 1];
                                    ack[0] = (byte) (e.getMessage() == null ? 2 : 1);
                                    System.arraycopy(m, 0, ack, 1, m.length);
                                }
                                wire.send(ACK, ack);
                            }
                            case ERR -> {
                                try {
                                    err.write(f.data());
                                    err.flush();
                                } catch (IOException e) {
                                    // as a process's own standard error: a write error there is nobody's to hear
                                }
                            }
                            case EXIT -> {
                                code = ByteBuffer.wrap(f.data()).getInt();
                                return;
                            }
                            case CANCELLED -> {
                                code = -1;
                                return;
                            }
                            default -> throw new IOException("an unknown frame '" + (char) f.type() + "'");
                        }
                    }
                } catch (IOException e) {
                    code = ExitCodes.INTERNAL;
                    try {
                        err.write(("crossfoot: internal error: the connection to the resident server failed: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
                        err.flush();
                    } catch (IOException ignored) {
                        // nowhere else to say it
                    }
                } finally {
                    ended.countDown();
                    try {
                        wire.ch.close();
                    } catch (IOException e) {
                        // nothing more to say to the server
                    }
                }
            }

            /** Whether a server took the request (else run it in-process: {@link #why} says why). */
            boolean served() {
                return wire != null && why == null;
            }

            /** Waits for the end of the run: its exit code, or -1 when it was cancelled. */
            int await() throws InterruptedException {
                ended.await();
                return code;
            }

            String why() {
                return why;
            }

            /** Cancels the run (the client was interrupted) and waits for the server to have removed its temporary files. */
            void cancel() {
                if (ended.getCount() == 0) {
                    return;
                }
                try {
                    wire.send(CANCEL, new byte[0]);
                    ended.await(30, TimeUnit.SECONDS);
                } catch (IOException e) {
                    // the server is gone: it has nothing left to cancel
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    // ------------------------------------------------------------------ the server

    private static void serve(Path socket, long idleMillis) throws IOException, InterruptedException {
        String key = System.getenv("CROSSFOOT_RESIDENT_KEY");
        if (key == null) {
            throw new IllegalStateException("CROSSFOOT_RESIDENT_KEY is not set");
        }
        Server server = Server.start(socket, key, idleMillis, Resident::classPathIdentity, () -> System.exit(0));
        log("started, pid " + ProcessHandle.current().pid() + ", socket " + socket + ", idle exit after " + idleMillis / 1000 + " s");
        server.acceptor.join();
    }

    static void log(String message) {
        System.err.println(Instant.now() + " crossfoot resident: " + message);
    }

    /** A server: accepts requests on its socket and runs them one at a time. */
    static final class Server implements AutoCloseable {
        private final Path socket;
        private final String key;
        private final long idleMillis;
        private final Supplier<String> identity;
        private final String identityAtStart;
        private final Runnable onExit;
        private final ServerSocketChannel channel;
        private final Object fileKey;
        private final Object lock = new Object();
        private boolean busy; // guarded by lock
        private boolean closed; // guarded by lock
        private boolean trim; // guarded by lock
        private long lastUse; // guarded by lock
        private int served;
        final Acceptor acceptor = new Acceptor();

        private Server(Path socket, String key, long idleMillis, Supplier<String> identity, Runnable onExit) throws IOException {
            this.socket = socket;
            this.key = key;
            this.idleMillis = idleMillis;
            this.identity = identity;
            this.identityAtStart = identity.get();
            this.onExit = onExit;
            this.channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            channel.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            this.fileKey = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            this.lastUse = System.nanoTime();
        }

        /**
         * Binds {@code socket} and serves requests of {@code key} until idle for {@code idleMillis}, until
         * {@code identity} (of the jar) changes, or until told to stop; then removes the socket and runs {@code onExit}.
         */
        static Server start(Path socket, String key, long idleMillis, Supplier<String> identity, Runnable onExit) throws IOException {
            Server s = new Server(socket, key, idleMillis, identity, onExit);
            s.acceptor.setDaemon(onExit == null);
            s.acceptor.start();
            Thread watchdog = new Thread(s::watch, "crossfoot-resident-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            return s;
        }

        /** How many requests it has run. */
        int served() {
            synchronized (lock) {
                return served;
            }
        }

        boolean closed() {
            synchronized (lock) {
                return closed;
            }
        }

        final class Acceptor extends Thread {
            Acceptor() {
                super("crossfoot-resident-server");
            }

            @Override
            public void run() {
                while (true) {
                    SocketChannel ch;
                    try {
                        ch = channel.accept();
                    } catch (IOException e) {
                        if (!closed()) {
                            log("accept failed: " + e);
                            close();
                        }
                        return;
                    }
                    synchronized (lock) {
                        if (closed) {
                            quietly(ch);
                            return;
                        }
                        busy = true;
                    }
                    try {
                        handle(ch);
                    } catch (IOException | RuntimeException e) {
                        log("a request failed: " + e);
                    } finally {
                        quietly(ch);
                        synchronized (lock) {
                            busy = false;
                            trim = true;
                            lastUse = System.nanoTime();
                        }
                    }
                }
            }
        }

        private void watch() {
            long tick = Math.max(10, Math.min(1000, idleMillis / 4));
            while (!closed()) {
                try {
                    Thread.sleep(tick);
                } catch (InterruptedException e) {
                    return;
                }
                boolean gc = false;
                String reason = null;
                synchronized (lock) {
                    if (busy || closed) {
                        continue;
                    }
                    long idle = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastUse);
                    if (idle >= idleMillis) {
                        reason = "idle for " + idle / 1000 + " s";
                    } else if (!identity.get().equals(identityAtStart)) {
                        reason = "its jar changed";
                    } else if (trim && idle >= Math.min(5000, idleMillis / 2)) {
                        trim = false;
                        gc = true;
                    }
                }
                if (reason != null) {
                    log("exiting: " + reason);
                    close();
                    return;
                }
                if (gc) {
                    System.gc(); // give the heap of the last run back, as a process of its own would on exit
                }
            }
        }

        private void handle(SocketChannel ch) throws IOException {
            Wire wire = new Wire(ch);
            Frame f = wire.read();
            if (f == null) {
                return;
            }
            if (f.type() == STOP) {
                log("exiting: told to stop");
                wire.send(STOPPED, new byte[0]);
                close();
                return;
            }
            if (f.type() != REQUEST) {
                wire.send(REFUSED, "not a request".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Request r = Request.decode(f.data());
            if (!r.key().equals(key)) {
                wire.send(REFUSED, "the request's key is not this server's".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!identity.get().equals(identityAtStart)) {
                wire.send(REFUSED, "the server's jar changed".getBytes(StandardCharsets.UTF_8));
                log("exiting: its jar changed");
                close();
                return;
            }
            wire.send(STARTED, new byte[0]);
            new Invocation(wire, r).run();
            synchronized (lock) {
                served++;
            }
        }

        /** Stops serving: the socket is removed (when it is still this server's), and {@code onExit} runs. */
        @Override
        public void close() {
            synchronized (lock) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            try {
                channel.close();
            } catch (IOException e) {
                log("closing the socket: " + e);
            }
            try {
                Object now = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
                if (now != null && now.equals(fileKey)) {
                    Files.deleteIfExists(socket);
                }
            } catch (IOException e) {
                // already removed
            }
            if (onExit != null) {
                onExit.run();
            }
        }

        private static void quietly(SocketChannel ch) {
            try {
                ch.close();
            } catch (IOException e) {
                // the client is gone
            }
        }
    }

    /** One request's run in the server, and the watcher of its connection (acknowledgements, cancellation). */
    private static final class Invocation {
        private static final Frame GONE = new Frame(CANCEL, new byte[0]);

        private final Wire wire;
        private final Request request;
        private final TempFiles.Scope scope = new TempFiles.Scope();
        private final BlockingQueue<Frame> acks = new LinkedBlockingQueue<>();
        private volatile boolean cancelled;
        private volatile boolean finished;
        private Thread runner;

        Invocation(Wire wire, Request request) {
            this.wire = wire;
            this.request = request;
        }

        void run() throws IOException {
            Terminal terminal = new Terminal(request.stdoutTerminal(), request.stderrTerminal(), request.env());
            String[] args = request.args().toArray(String[]::new);
            int[] code = {ExitCodes.INTERNAL};
            runner = new Thread(() -> code[0] = TempFiles.within(scope, () -> Terminal.within(terminal,
                    () -> Main.run(args, new Stdout(), new Stderr()))), "crossfoot-run");
            Thread watcher = new Thread(this::watch, "crossfoot-resident-watcher");
            watcher.setDaemon(true);
            runner.start();
            watcher.start();
            try {
                runner.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel(false);
            }
            finished = true;
            if (cancelled) {
                scope.cancel(); // whatever the run made after it was told to stop
                return;
            }
            wire.send(EXIT, ByteBuffer.allocate(4).putInt(code[0]).array());
        }

        private void watch() {
            try {
                while (true) {
                    Frame f = wire.read();
                    if (f == null) {
                        break;
                    }
                    if (f.type() == ACK) {
                        acks.add(f);
                    } else if (f.type() == CANCEL) {
                        cancel(true);
                        return;
                    }
                }
            } catch (IOException e) {
                // the client is gone
            }
            if (!finished) {
                cancel(false);
            }
        }

        /** As SIGINT in a process of its own: the run's temporary files are removed at once, and the run is stopped. */
        private synchronized void cancel(boolean tell) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            scope.cancel();
            acks.add(GONE);
            runner.interrupt();
            if (tell) {
                try {
                    wire.send(CANCELLED, new byte[0]);
                } catch (IOException e) {
                    // the client is gone
                }
            }
        }

        /** The run's standard output: each write goes to the client and waits for the result of its write there. */
        private final class Stdout extends OutputStream {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return;
                }
                if (cancelled) {
                    throw new IOException("the client was interrupted");
                }
                wire.send(OUT, Arrays.copyOfRange(b, off, off + len));
                Frame ack;
                try {
                    ack = acks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("the client was interrupted");
                }
                if (ack == GONE) {
                    acks.add(GONE);
                    throw new IOException("the client was interrupted");
                }
                byte[] d = ack.data();
                if (d.length > 0 && d[0] != 0) {
                    throw new IOException(d[0] == 2 ? null : new String(d, 1, d.length - 1, StandardCharsets.UTF_8));
                }
            }
        }

        /** The run's standard error: each write goes to the client; nothing waits for it. */
        private final class Stderr extends OutputStream {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len == 0 || cancelled) {
                    return;
                }
                wire.send(ERR, Arrays.copyOfRange(b, off, off + len));
            }
        }
    }
}
