package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HelpTest {

    @Test
    void help_documentsTheExitCodes() {
        Run run = Run.of("check", "--help");
        assertEquals(0, run.exitCode());
        for (String code : new String[] {"0   every check", "1   a check", "2   unusable input", "3   internal error"}) {
            assertTrue(run.out().contains(code), () -> code + " not in:\n" + run.out());
        }
        assertTrue(Run.of("--help").out().contains("Exit codes:"));
    }

    @Test
    void extractHelp_documentsItsExitCodes_andTheTopLevelHelpListsIt() {
        Run run = Run.of("extract", "--help");
        assertEquals(0, run.exitCode());
        for (String code : new String[] {"0   the filing directory was written", "2   unusable input", "3   internal error"}) {
            assertTrue(run.out().contains(code), () -> code + " not in:\n" + run.out());
        }
        assertTrue(Run.of("--help").out().contains("extract"));
    }

    @Test
    void version_comesFromTheBuild() {
        Run run = Run.of("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().matches("crossfoot \\d+\\.\\d+\\.\\d+.*\\s*"), run.out());
    }

    @Test
    void noSubcommand_printsUsageAndExits2() {
        Run run = Run.of();
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Usage: crossfoot"), run.err());
    }
}
