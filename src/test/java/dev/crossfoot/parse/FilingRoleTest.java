package dev.crossfoot.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.model.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table's role in filing.yaml, as extract writes it or a user sets it by hand, reaches the model's Table. */
class FilingRoleTest {

    @TempDir
    Path dir;

    Path filing(String role) throws IOException {
        Files.writeString(dir.resolve("is.csv"), "label,2023\nRevenue,\"1,000\"\n");
        Files.writeString(dir.resolve("filing.yaml"), "issuer: X\nperiods: [\"2023\"]\ntables:\n"
                + "  - id: is\n    file: is.csv\n    unit: HK$'000\n    pages: \"3-4\"\n" + (role == null ? "" : "    role: " + role + "\n"));
        return dir;
    }

    @Test
    void aRoleSetInFilingYaml_isTheTablesRole() throws IOException {
        assertEquals("income-statement", FilingReader.read(filing("income-statement"), false).tables().get("is").role());
    }

    @Test
    void noRole_isEmpty() throws IOException {
        assertEquals("", FilingReader.read(filing(null), false).tables().get("is").role());
    }

    @Test
    void anUnknownRole_isAnInputErrorNamingTheRoles() throws IOException {
        InputException e = assertThrows(InputException.class, () -> FilingReader.read(filing("p-and-l"), false));
        assertTrue(e.getMessage().contains("unknown role 'p-and-l'; a role is one of income-statement, comprehensive-income"), e.getMessage());
        assertTrue(e.location().toString().contains("filing.yaml:8"), e.location().toString());
    }
}
