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

/** The resident mode's server: accepts requests on its socket and runs them one at a time. */
final class ResidentServer implements AutoCloseable {
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
    private boolean closing; // guarded by lock: no request is taken any more
    private boolean closed; // guarded by lock: and the socket is closed and removed
    private boolean trim; // guarded by lock
    private long lastUse; // guarded by lock
    private int served;
    final Acceptor acceptor = new Acceptor();

    private ResidentServer(Path socket, String key, long idleMillis, Supplier<String> identity, Runnable onExit) throws IOException {
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
    static ResidentServer start(Path socket, String key, long idleMillis, Supplier<String> identity, Runnable onExit) throws IOException {
        ResidentServer s = new ResidentServer(socket, key, idleMillis, identity, onExit);
        s.acceptor.setDaemon(onExit == null);
        s.acceptor.start();
        Thread watchdog = new Thread(s::watch, "crossfoot-resident-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        return s;
    }

    /** How many requests it has taken to run. */
    int served() {
        synchronized (lock) {
            return served;
        }
    }

    /** Whether it has stopped serving, its socket closed and removed. */
    boolean closed() {
        synchronized (lock) {
            return closed;
        }
    }

    private boolean closing() {
        synchronized (lock) {
            return closing;
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
                    if (!closing()) {
                        Resident.log("accept failed: " + e);
                        close();
                    }
                    return;
                }
                synchronized (lock) {
                    if (closing) {
                        quietly(ch);
                        return;
                    }
                    busy = true;
                }
                try {
                    handle(ch);
                } catch (IOException | RuntimeException e) {
                    Resident.log("a request failed: " + e);
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
        while (!closing()) {
            try {
                Thread.sleep(tick);
            } catch (InterruptedException e) {
                return;
            }
            boolean gc = false;
            String reason = null;
            synchronized (lock) {
                if (busy || closing) {
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
                Resident.log("exiting: " + reason);
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
            Resident.log("exiting: told to stop");
            boolean first = stopServing(); // before the answer: whoever asked finds the server gone
            wire.send(STOPPED, new byte[0]);
            if (first && onExit != null) {
                onExit.run();
            }
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
            Resident.log("exiting: its jar changed");
            close();
            return;
        }
        synchronized (lock) {
            served++;
        }
        wire.send(STARTED, new byte[0]);
        new Invocation(wire, r).run();
    }

    /** Stops serving: the socket is removed (when it is still this server's), and {@code onExit} runs. */
    @Override
    public void close() {
        if (stopServing() && onExit != null) {
            onExit.run();
        }
    }

    /** Closes and removes the socket; false when that was done before. */
    private boolean stopServing() {
        synchronized (lock) {
            if (closing) {
                return false;
            }
            closing = true;
        }
        try {
            channel.close();
        } catch (IOException e) {
            Resident.log("closing the socket: " + e);
        }
        removeSocket();
        synchronized (lock) {
            closed = true;
        }
        return true;
    }

    /** Removes the socket when it is still this server's (also on SIGTERM, from a shutdown hook). */
    void removeSocket() {
        try {
            Object now = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            if (now != null && now.equals(fileKey)) {
                Files.deleteIfExists(socket);
            }
        } catch (IOException e) {
            // already removed
        }
    }

    private static void quietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // the client is gone
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
