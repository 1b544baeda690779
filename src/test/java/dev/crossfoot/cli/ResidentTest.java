package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.testing.FilingCopy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resident mode: a server and its clients in this JVM, over a socket in a temporary directory. What a client
 * is given must be what a run of its own prints, byte for byte, with the same exit code.
 */
class ResidentTest {

    @TempDir
    Path temp;

    private Path sockets;
    private long uid;
    private String key;
    private final Path cwd = Path.of("").toAbsolutePath();
    private final List<ResidentServer> servers = new ArrayList<>();

    /** What a run printed and its exit code. */
    record Output(int code, byte[] out, byte[] err) {
        String errText() {
            return new String(err, StandardCharsets.UTF_8);
        }

        String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        uid = ((Integer) Files.getAttribute(temp, "unix:uid")).longValue();
        sockets = temp.resolve("s");
        assertNull(Resident.unsafe(sockets, uid), "a new directory is private");
        key = Resident.key("the jar 1 2", "the java", List.of("-XX:+UseSerialGC"), cwd.toString(), "0022", Map.of("LANG", "C.UTF-8"));
    }

    @AfterEach
    void tearDown() {
        servers.forEach(ResidentServer::close);
    }

    private ResidentServer server(long idleMillis, java.util.function.Supplier<String> jar) throws IOException {
        ResidentServer s = ResidentServer.start(sockets.resolve(Resident.name(key) + ".sock"), key, idleMillis, jar, null);
        servers.add(s);
        return s;
    }

    private ResidentServer server() throws IOException {
        return server(600_000, () -> "the jar 1 2");
    }

    private static Terminal file(Map<String, String> env) {
        return new Terminal(false, false, env);
    }

    private ResidentWire.Request request(Terminal t, String... args) {
        return new ResidentWire.Request(key, cwd.toString(), List.of(args), t.stdout(), t.stderr(), t.env());
    }

    private ResidentClient client(String clientKey) {
        return new ResidentClient(sockets, clientKey, cwd, null, 1000);
    }

    private Output resident(Terminal t, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ResidentClient.Call call = client(key).call(request(t, args), out, err);
        assertTrue(call.served(), call::why);
        int code = call.await();
        return new Output(code, out.toByteArray(), err.toByteArray());
    }

    private static Output inProcess(Terminal t, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Terminal.within(t, () -> Main.run(args, out, err));
        return new Output(code, out.toByteArray(), err.toByteArray());
    }

    private static void assertSame(Output expected, Output actual) {
        assertEquals(expected.code(), actual.code(), actual::errText);
        assertEquals(expected.errText(), actual.errText());
        assertArrayEquals(expected.out(), actual.out(), "standard output differs");
    }

    @Test
    void fixtureCheck_inTheServer_printsWhatARunOfItsOwnPrints_textAndJson() throws Exception {
        server();
        for (String[] args : List.of(new String[] {"check", "fixtures/sensetime-2023"}, new String[] {"check", "--format", "json", "fixtures/sensetime-2023"},
                new String[] {"check", "-q", "fixtures/sensetime-2023"})) {
            Output own = inProcess(file(Map.of()), args);
            assertEquals(0, own.code());
            assertTrue(own.out().length > 1000);
            assertSame(own, resident(file(Map.of()), args));
        }
    }

    @Test
    void terminalAndEnvironment_areTheClients() throws Exception {
        server();
        Terminal narrowColour = new Terminal(true, false, Map.of("COLUMNS", "70", "TERM", "xterm"));
        Output own = inProcess(narrowColour, "check", "fixtures/sensetime-2023");
        assertTrue(own.outText().contains("\u001B["), "a terminal gets colour");
        assertSame(own, resident(narrowColour, "check", "fixtures/sensetime-2023"));
        Output plain = resident(file(Map.of("COLUMNS", "70")), "check", "fixtures/sensetime-2023");
        assertFalse(plain.outText().contains("\u001B["), "a file gets none");
        Terminal epoch = file(Map.of("SOURCE_DATE_EPOCH", "1700000000"));
        assertSame(inProcess(epoch, "check", "--format", "html", "fixtures/sensetime-2023"),
                resident(epoch, "check", "--format", "html", "fixtures/sensetime-2023"));
    }

    @Test
    void badInput_inTheServer_isTheOneLineErrorAndExit2() throws Exception {
        server();
        Output r = resident(file(Map.of()), "check", "fixtures/bad/filing-missing");
        new Run(r.code(), r.outText(), r.errText()).assertOneLineError("filing-missing");
        assertSame(inProcess(file(Map.of()), "check", "fixtures/bad/filing-missing"), r);
        Output usage = resident(file(Map.of()), "check", "--frmat", "json", "fixtures/sensetime-2023");
        new Run(usage.code(), usage.outText(), usage.errText()).assertOneLineError("did you mean '--format'?");
    }

    @Test
    void standardOutputThatCannotBeWritten_isTheRunsErrorAsInAProcessOfItsOwn() throws Exception {
        server();
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ResidentClient.Call call = client(key).call(request(file(Map.of()), "check", "fixtures/sensetime-2023"), full, err);
        assertTrue(call.served(), call::why);
        int code = call.await();
        ByteArrayOutputStream ownErr = new ByteArrayOutputStream();
        int own = Terminal.within(file(Map.of()), () -> Main.run(new String[] {"check", "fixtures/sensetime-2023"}, full, ownErr));
        assertEquals(2, own);
        assertEquals(own, code);
        assertEquals(ownErr.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("No space left on device"), err::toString);
    }

    @Test
    void twoClientsAtOnce_eachGetsItsOwnRun() throws Exception {
        ResidentServer s = server();
        String[] text = {"check", "fixtures/sensetime-2023"};
        String[] json = {"check", "--format", "json", "fixtures/bad/csv-nul-byte", "fixtures/sensetime-2023"};
        AtomicReference<Object> first = new AtomicReference<>();
        AtomicReference<Object> second = new AtomicReference<>();
        Thread a = new Thread(() -> first.set(attempt(text)));
        Thread b = new Thread(() -> second.set(attempt(json)));
        a.start();
        b.start();
        a.join(TimeUnit.MINUTES.toMillis(2));
        b.join(TimeUnit.MINUTES.toMillis(2));
        assertTrue(first.get() instanceof Output, () -> String.valueOf(first.get()));
        assertTrue(second.get() instanceof Output, () -> String.valueOf(second.get()));
        assertSame(inProcess(file(Map.of()), text), (Output) first.get());
        assertSame(inProcess(file(Map.of()), json), (Output) second.get());
        assertEquals(2, s.served());
    }

    private Object attempt(String[] args) {
        try {
            return resident(file(Map.of()), args);
        } catch (Exception | AssertionError e) {
            return e;
        }
    }

    private static List<String> leftovers(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void cancelledClient_leavesNoTemporaryFile_keepsTheEarlierReport_andTheServerServesTheNext() throws Exception {
        ResidentServer s = server();
        Path root = Files.createDirectories(temp.resolve("filings"));
        for (int i = 0; i < 120; i++) {
            FilingCopy.of(FilingCopy.SENSETIME, Files.createDirectories(root.resolve(String.format("f%03d", i))));
        }
        Path out = Files.createDirectories(temp.resolve("out"));
        Path report = Files.writeString(out.resolve("X.json"), "the earlier report\n");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        ResidentClient.Call call = client(key).call(request(file(Map.of()), "check", "-j", "1", "-r", root.toString(), "--format", "json",
                "--output", report.toString()), stdout, stderr);
        assertTrue(call.served(), call::why);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // the report's temporary file, one that stays (the writability probe is created and deleted at once)
        List<String> seen = List.of();
        while (System.nanoTime() < deadline) {
            List<String> now = leftovers(out);
            if (!now.isEmpty() && now.equals(seen)) {
                break;
            }
            seen = now;
            Thread.sleep(now.isEmpty() ? 5 : 50);
        }
        assertEquals(1, leftovers(out).size(), () -> "the temporary report exists while the run goes on; stderr: " + stderr);
        call.cancel();
        assertEquals(-1, call.await(), "the server said the run was cancelled");
        assertEquals(List.of(), leftovers(out), "temporary files left behind");
        assertEquals("the earlier report\n", Files.readString(report));
        Output next = resident(file(Map.of()), "check", "-q", "fixtures/sensetime-2023");
        assertEquals(0, next.code(), next::errText);
        assertEquals(List.of(), leftovers(out), "nothing written after the cancel either");
        assertEquals("the earlier report\n", Files.readString(report));
        assertEquals(2, s.served());
    }

    @Test
    void requestOfAnotherKey_isNotServed() throws Exception {
        ResidentServer s = server();
        String other = Resident.key("the jar 1 3", "the java", List.of("-XX:+UseSerialGC"), cwd.toString(), "0022", Map.of("LANG", "C.UTF-8"));
        // the client of another key would look for another socket; sent to this one, it is refused
        ResidentClient wrongSocket = new ResidentClient(sockets, key, cwd, null, 1000);
        ResidentWire.Request stale = new ResidentWire.Request(other, cwd.toString(), List.of("check", "fixtures/sensetime-2023"), false, false, Map.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ResidentClient.Call call = wrongSocket.call(stale, out, err);
        assertFalse(call.served());
        assertTrue(call.why().contains("key"), call::why);
        assertEquals(0, out.size());
        assertEquals(0, err.size());
        assertEquals(0, s.served());
        assertFalse(Resident.name(other).equals(Resident.name(key)), "another key, another socket");
        assertFalse(client(other).call(stale, out, err).served(), "no server for the other key: not served (and none started)");
    }

    @Test
    void keyNamesEverythingThatChangesWhatARunMeans() {
        String k = Resident.key("jar", "java", List.of("-Xmx1g"), "/a", "0022", Map.of());
        assertFalse(k.equals(Resident.key("jar2", "java", List.of("-Xmx1g"), "/a", "0022", Map.of())));
        assertFalse(k.equals(Resident.key("jar", "java2", List.of("-Xmx1g"), "/a", "0022", Map.of())));
        assertFalse(k.equals(Resident.key("jar", "java", List.of("-Xmx2g"), "/a", "0022", Map.of())));
        assertFalse(k.equals(Resident.key("jar", "java", List.of("-Xmx1g"), "/b", "0022", Map.of())));
        assertFalse(k.equals(Resident.key("jar", "java", List.of("-Xmx1g"), "/a", "0077", Map.of())));
        assertFalse(k.equals(Resident.key("jar", "java", List.of("-Xmx1g"), "/a", "0022", Map.of("LANG", "C"))));
        assertEquals(16, Resident.name(k).length());
    }

    @Test
    void jarThatChanges_endsTheServer_andItsRequestIsRefused() throws Exception {
        AtomicReference<String> jar = new AtomicReference<>("the jar 1 2");
        ResidentServer s = server(600_000, jar::get);
        assertEquals(0, resident(file(Map.of()), "check", "-q", "fixtures/sensetime-2023").code());
        jar.set("the jar 1 3");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!s.closed() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(s.closed(), "the server ends when its jar changes");
        assertFalse(Files.exists(sockets.resolve(Resident.name(key) + ".sock")), "its socket is removed");
        ResidentClient.Call call = client(key).call(request(file(Map.of()), "check", "-q", "fixtures/sensetime-2023"),
                new ByteArrayOutputStream(), new ByteArrayOutputStream());
        assertFalse(call.served(), "no server: the client runs it itself");
    }

    @Test
    void idleServer_exits_andRemovesItsSocket() throws Exception {
        ResidentServer s = server(100, () -> "the jar 1 2");
        assertTrue(Files.exists(sockets.resolve(Resident.name(key) + ".sock")));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!s.closed() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(s.closed(), "an idle server exits");
        assertFalse(Files.exists(sockets.resolve(Resident.name(key) + ".sock")));
    }

    @Test
    void stop_endsEveryServerOfTheDirectory() throws Exception {
        ResidentServer s = server();
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        assertEquals(0, Resident.stopAll(sockets, uid, new PrintStream(said, true, StandardCharsets.UTF_8)));
        assertTrue(s.closed());
        assertTrue(said.toString(StandardCharsets.UTF_8).contains("stopped 1 server"), said::toString);
        assertFalse(Files.exists(sockets.resolve(Resident.name(key) + ".sock")));
    }

    @Test
    void directoryOthersMayEnter_orALink_orAFile_isRefused() throws IOException {
        Path open = Files.createDirectory(temp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertNotNull(Resident.unsafe(open, uid));
        Path groupWritable = Files.createDirectory(temp.resolve("group"));
        Files.setPosixFilePermissions(groupWritable, PosixFilePermissions.fromString("rwx-w----"));
        assertNotNull(Resident.unsafe(groupWritable, uid));
        Path link = Files.createSymbolicLink(temp.resolve("link"), sockets);
        assertNotNull(Resident.unsafe(link, uid), "a link to a private directory is still a link");
        Path file = Files.writeString(temp.resolve("file"), "x");
        assertNotNull(Resident.unsafe(file, uid));
        assertNotNull(Resident.unsafe(sockets, uid + 1), "someone else's");
        assertNull(Resident.unsafe(sockets, uid));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sockets)));
    }

    @Test
    void unsafeDirectory_isNotUsed_theClientRunsItself() throws Exception {
        Path open = Files.createDirectory(temp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        // a command that would start a server, were it ever run
        ResidentClient c = new ResidentClient(open, key, cwd, List.of("/bin/sh", "-c", "touch " + temp.resolve("started") + "; exit 1"), 1000);
        ResidentClient.Call call = Resident.call(open, uid, c, request(file(Map.of()), "check", "-q", "fixtures/sensetime-2023"), false,
                new ByteArrayOutputStream(), new ByteArrayOutputStream());
        assertFalse(call.served());
        assertTrue(call.why().contains("open to others"), call::why);
        assertFalse(Files.exists(temp.resolve("started")), "no server started");
        try (Stream<Path> s = Files.list(open)) {
            assertEquals(0, s.count(), "nothing made in an unsafe directory");
        }
        assertEquals(ExitCodes.UNUSABLE, Resident.stopAll(open, uid, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }

    @Test
    void serverThatCannotStart_theClientRunsItself() throws Exception {
        ResidentClient c = new ResidentClient(sockets, key, cwd, List.of("/bin/sh", "-c", "exit 1"), 1000);
        ResidentClient.Call call = Resident.call(sockets, uid, c, request(file(Map.of()), "check", "-q", "fixtures/sensetime-2023"), false,
                new ByteArrayOutputStream(), new ByteArrayOutputStream());
        assertFalse(call.served());
        assertTrue(call.why().contains("none could be started"), call::why);
    }

    @Test
    void argumentsNamingTheProcesssOwnDescriptors_orHelpOnATerminal_runInTheClient() throws IOException {
        assertNotNull(Resident.unservable(new String[] {"check", "f", "-o", "/dev/stdout"}, false, cwd));
        assertNotNull(Resident.unservable(new String[] {"check", "f", "--output=/proc/self/fd/1"}, false, cwd));
        Path link = Files.createSymbolicLink(temp.resolve("out"), Path.of("/dev/stdout"));
        assertNotNull(Resident.unservable(new String[] {"check", "f", "-o", link.toString()}, false, cwd), "a link to the process's standard output");
        assertNotNull(Resident.unservable(new String[] {"check", "f", "--output=out"}, false, temp), "the same, relative");
        Path fd = Files.createSymbolicLink(temp.resolve("fd"), Path.of("/proc/self/fd"));
        assertNotNull(Resident.unservable(new String[] {"check", "f", "-o", fd.resolve("1").toString()}, false, cwd), "through a linked directory");
        Path viaProc = Files.createSymbolicLink(temp.resolve("here"), Path.of("/proc/self/cwd"));
        assertNotNull(Resident.unservable(new String[] {"check", "f", "-o", viaProc.resolve("r.txt").toString()}, false, cwd),
                "a link through /proc/self to a real directory: the server's own would be another");
        Path plain = Files.createSymbolicLink(temp.resolve("plain"), Files.writeString(temp.resolve("r.txt"), "x"));
        assertNull(Resident.unservable(new String[] {"check", "f", "-o", plain.toString()}, false, cwd), "a link to a file is the file");
        assertNotNull(Resident.unservable(new String[] {"--help"}, true, cwd));
        assertNotNull(Resident.unservable(new String[] {}, true, cwd));
        assertNull(Resident.unservable(new String[] {"--help"}, false, cwd), "help off a terminal is plain either way");
        assertNull(Resident.unservable(new String[] {"check", "-q", "fixtures/sensetime-2023", "-o", temp.resolve("new/r.txt").toString()}, true, cwd));
    }

    @Test
    void directory_isXdgRuntimeDirs_elseTmpdirs_perUser() {
        assertEquals(Path.of("/run/user/7/crossfoot"), Resident.directory("/run/user/7", "/x", 7));
        assertEquals(Path.of("/x/crossfoot-7"), Resident.directory(null, "/x", 7));
        assertEquals(Path.of("/tmp/crossfoot-7"), Resident.directory("", "", 7));
    }

    /** The environment a server is told of is all crossfoot reads: no other class reads the process's environment. */
    @Test
    void onlyTerminalAndTheClientReadTheEnvironment_andTerminalForwardsEveryVariableRead() throws IOException {
        Pattern env = Pattern.compile("(?:env|environment|getenv)\\(?\\)?\\.get\\(\"([A-Z_]+)\"\\)|System\\.getenv\\(\"([A-Z_]+)\"\\)");
        List<String> readers = new ArrayList<>();
        List<String> unforwarded = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String s = Files.readString(f);
                String name = f.getFileName().toString();
                if ((s.contains("System.getenv") || s.contains("System.console")) && !name.equals("Terminal.java") && !name.equals("Resident.java")) {
                    readers.add(name);
                }
                if (name.equals("Resident.java")) {
                    continue; // the client's own settings (where its sockets are, the idle period), never a command's
                }
                Matcher m = env.matcher(s);
                while (m.find()) {
                    String var = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!Terminal.READ.contains(var)) {
                        unforwarded.add(name + ": " + var);
                    }
                }
            }
        }
        assertEquals(List.of(), readers, "read the process's environment or console outside Terminal");
        assertEquals(List.of(), unforwarded, "variables read but not in Terminal.READ, so a server would not be told them");
    }
}
