package dev.crossfoot.parse;

import java.nio.file.Path;
import java.util.List;

/** The header row of a CSV table, read as {@code crossfoot foot} reads a table without a filing.yaml. */
public final class CsvHeader {

    private CsvHeader() {
    }

    /**
     * @param csv the file, as the user named it (it is shown in messages as given)
     * @throws dev.crossfoot.model.InputException when the file cannot be read as CSV
     */
    public static List<String> of(Path csv) {
        return CsvTableReader.header(csv, csv.toString());
    }
}
