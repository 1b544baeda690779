package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/** How the command line's model is built: crossfoot's own commands without reading annotations (see Specs). */
class CommandLineModelTest {

    private static CommandLine commandLine(String... args) {
        return Main.commandLine(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    @Test
    void ownCommands_haveNoOptionBoundToAnAnnotatedField() {
        CommandLine root = commandLine("--help");
        for (CommandLine cmd : List.of(root, root.getSubcommands().get("check"), root.getSubcommands().get("baseline"),
                root.getSubcommands().get("foot"), root.getSubcommands().get("init"), root.getSubcommands().get("extract"))) {
            assertTrue(cmd.getCommandSpec().args().size() >= 2, cmd.getCommandName());
            for (ArgSpec arg : cmd.getCommandSpec().args()) {
                // an option read from an annotation has its field as user object; one built with the API has none
                assertNull(arg.userObject(), () -> cmd.getCommandName() + " " + arg.paramLabel());
            }
            assertTrue(cmd.getCommandSpec().mixinStandardHelpOptions(), cmd.getCommandName());
        }
    }

    @Test
    void versionAlone_getsNoSubcommand_andPrintsTheVersion() {
        assertTrue(commandLine("--version").getSubcommands().isEmpty());
        assertTrue(commandLine("-V").getSubcommands().isEmpty());
        for (String version : new String[] {"--version", "-V"}) {
            Run run = Run.of(version);
            assertEquals(0, run.exitCode());
            assertEquals("crossfoot " + Main.version() + System.lineSeparator(), run.out());
            assertEquals("", run.err());
        }
    }
}
