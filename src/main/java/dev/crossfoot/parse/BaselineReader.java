package dev.crossfoot.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossfoot.model.InputException;
import dev.crossfoot.model.Printable;
import dev.crossfoot.model.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads a baseline written by {@code crossfoot baseline}: the fingerprints of the failures it recorded.
 * A fingerprint covers the rule, the cell and every figure the check used, so a recorded failure stays
 * known only while its figures are unchanged.
 */
public final class BaselineReader {

    public static final String FORMAT = "crossfoot-baseline";
    /** The version of the baseline format that this crossfoot writes and reads. */
    public static final int VERSION = 1;

    private BaselineReader() {
    }

    public static Set<String> read(Path file) {
        String shown = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new InputException(SourceLocation.of(shown), "no such baseline file; write one with 'crossfoot baseline DIR -o FILE'");
        }
        JsonNode doc;
        try {
            if (Files.size(file) > Yaml.MAX_CODE_POINTS * 4L) {
                throw new InputException(SourceLocation.of(shown), "the baseline is larger than "
                        + Sizes.megabytes(Yaml.MAX_CODE_POINTS * 4L) + "; it is not one crossfoot wrote");
            }
            doc = new ObjectMapper().readTree(Utf8.decode(Files.readAllBytes(file), shown));
        } catch (JsonProcessingException e) {
            throw new InputException(SourceLocation.of(shown, e.getLocation() == null ? 0 : e.getLocation().getLineNr()),
                    "not a baseline: " + Yaml.firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new InputException(SourceLocation.of(shown), "cannot read: " + e.getMessage(), e);
        }
        if (doc == null || !doc.isObject() || !FORMAT.equals(doc.path("format").asText()) || !doc.path("entries").isArray()) {
            throw new InputException(SourceLocation.of(shown), "not a crossfoot baseline (it needs \"format\": \"" + FORMAT
                    + "\" and \"entries\"); write one with 'crossfoot baseline DIR -o FILE'");
        }
        JsonNode version = doc.get("version");
        if (version == null || !version.isInt() || version.intValue() != VERSION) {
            throw new InputException(SourceLocation.of(shown), "baseline version " + (version == null ? "missing"
                    : Printable.quote(version.toString())) + ": this crossfoot reads version " + VERSION
                    + " only; write the baseline again with 'crossfoot baseline DIR -o FILE'");
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode e : doc.get("entries")) {
            String fp = e.path("fingerprint").asText("");
            if (!fp.matches("[0-9a-f]{16}")) {
                throw new InputException(SourceLocation.of(shown), "baseline entry without a valid fingerprint: " + Printable.quote(e.toString()));
            }
            out.add(fp);
        }
        return out;
    }
}
