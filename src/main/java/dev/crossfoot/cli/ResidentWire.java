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
/** The resident mode's frames, each one byte of type, four of length and the data, and what a request holds. */
final class ResidentWire {

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
    static final int MAX_FRAME = 64 * 1024 * 1024;

    private ResidentWire() {
    }

    /** A frame: its type and its data. */
    record Frame(byte type, byte[] data) {
    }

    /** Frames over a socket; sending is safe from several threads, reading is one thread's. */
    static final class Wire {
        final SocketChannel ch;

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
}
