package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingTest {

    @Test
    void commandLines_areSplitAtThen() {
        List<String[]> lines = Training.lines(new String[] {"check", "-q", "d", "--then", "check", "--format", "json", "d"});
        assertEquals(2, lines.size());
        assertArrayEquals(new String[] {"check", "-q", "d"}, lines.get(0));
        assertArrayEquals(new String[] {"check", "--format", "json", "d"}, lines.get(1));
    }

    @Test
    void fixtureInTextAndJson_exitsZero() {
        String fixture = Path.of("fixtures/sensetime-2023").toString();
        assertEquals(0, Training.run(new String[] {"check", "-q", fixture, "--then", "check", "-q", "--format", "json", fixture}));
    }

    @Test
    void oneUnusableRun_givesItsExitCode(@TempDir Path empty) {
        String fixture = Path.of("fixtures/sensetime-2023").toString();
        assertEquals(2, Training.run(new String[] {"check", "-q", fixture, "--then", "check", "-q", empty.resolve("none").toString()}));
    }
}
