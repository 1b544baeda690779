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

/** The resident mode's client: reaches the server of a key in a directory, starting it when none answers. */
final class ResidentClient {
    private final Path dir;
    private final String key;
    private final Path cwd;
    private final List<String> javaCommand;
    private final long idleMillis;

    /**
     * @param javaCommand the command that starts a server JVM, up to its main class (null: never start one)
     */
    ResidentClient(Path dir, String key, Path cwd, List<String> javaCommand, long idleMillis) {
        this.dir = dir;
        this.key = key;
        this.cwd = cwd;
        this.javaCommand = javaCommand;
        this.idleMillis = idleMillis;
    }

    Path socket() {
        return dir.resolve(Resident.name(key) + ".sock");
    }

    Path log() {
        return dir.resolve(Resident.name(key) + ".log");
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
        try (FileChannel lockFile = FileChannel.open(dir.resolve(Resident.name(key) + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
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
