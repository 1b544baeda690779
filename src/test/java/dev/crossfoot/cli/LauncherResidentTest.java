package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's resident mode end to end: {@code CROSSFOOT_RESIDENT=1 scripts/crossfoot} starts a real server (in a
 * directory of this test's own), prints what the launcher prints without it, and {@code CROSSFOOT_RESIDENT=stop}
 * stops it. It needs the built jar, and skips (saying why) when the jar is missing or older than the sources,
 * since the launcher would then build it.
 */
class LauncherResidentTest {

    @TempDir
    Path temp;

    record Result(int code, String out, String err) {
    }

    private Result launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", "scripts/crossfoot"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(temp.resolve("out").toFile()).redirectError(temp.resolve("err").toFile());
        pb.environment().remove("CROSSFOOT_RESIDENT");
        pb.environment().remove("COLUMNS");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the launcher did not end");
        return new Result(p.exitValue(), Files.readString(temp.resolve("out")), Files.readString(temp.resolve("err")));
    }

    private static String staleness() throws IOException {
        Path jar = Path.of("target/crossfoot.jar");
        if (!Files.exists(jar)) {
            return "target/crossfoot.jar is not built (mvn package builds it after the tests)";
        }
        FileTime built = Files.getLastModifiedTime(jar);
        try (Stream<Path> s = Stream.concat(Files.walk(Path.of("src/main")), Stream.of(Path.of("pom.xml")))) {
            if (s.anyMatch(p -> {
                try {
                    return Files.getLastModifiedTime(p).compareTo(built) > 0;
                } catch (IOException e) {
                    return true;
                }
            })) {
                return "target/crossfoot.jar is older than a source, and the launcher would build it";
            }
        }
        return null;
    }

    @Test
    void residentLauncher_printsWhatTheLauncherPrints_andStops() throws Exception {
        String stale = staleness();
        assumeTrue(stale == null, () -> "skipped: " + stale);
        Path run = Files.createDirectory(temp.resolve("run"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Map<String, String> resident = Map.of("CROSSFOOT_RESIDENT", "1", "XDG_RUNTIME_DIR", run.toString(), "CROSSFOOT_RESIDENT_IDLE", "120");
        Path sockets = run.resolve("crossfoot");
        try {
            for (String[] args : List.of(new String[] {"check", "-q", "fixtures/sensetime-2023"}, new String[] {"check", "fixtures/bad/filing-missing"},
                    new String[] {"check", "--format", "json", "fixtures/sensetime-2023"})) {
                Result own = launch(Map.of(), args);
                Result first = launch(resident, args);
                assertEquals(own, first, "the resident mode printed otherwise: " + String.join(" ", args));
                try (Stream<Path> s = Files.list(sockets)) {
                    assertTrue(s.anyMatch(p -> p.toString().endsWith(".sock")), "a server is running");
                }
                assertEquals(own, launch(resident, args), "served again");
            }
            assertEquals(2, launch(Map.of(), "check", "fixtures/bad/filing-missing").code());
        } finally {
            Result stop = launch(Map.of("CROSSFOOT_RESIDENT", "stop", "XDG_RUNTIME_DIR", run.toString()));
            assertEquals(0, stop.code(), stop::err);
            assertTrue(stop.err().contains("stopped 1 server"), stop::err);
        }
        try (Stream<Path> s = Files.list(sockets)) {
            assertEquals(List.of(), s.filter(p -> p.toString().endsWith(".sock")).toList(), "the server removed its socket");
        }
    }
}
