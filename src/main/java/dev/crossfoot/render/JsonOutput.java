package dev.crossfoot.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.crossfoot.model.Decimals;
import dev.crossfoot.result.Diagnosis;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;

/** The JSON writer every JSON-based format uses: two-space indents, LF line ends, the target left open. */
final class JsonOutput {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonOutput() {
    }

    static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        DefaultIndenter lf = new DefaultIndenter("  ", "\n");
        g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(lf).withArrayIndenter(lf));
        return g;
    }

    /**
     * A diagnosis as an object: {@code kind}, {@code text}, {@code difference}, {@code factor} (unit slips
     * only), {@code suspects} (each figure it names: table, row, column, printed, unit, and {@code shouldBe},
     * the value that makes the check pass, or null, and {@code how}), and {@code checks} (one matrix cell only).
     */
    static void diagnosis(JsonGenerator g, Diagnosis d) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", d.kind().key());
        g.writeStringField("text", d.text());
        decimal(g, "difference", d.difference());
        if (d.factor() != null) {
            decimal(g, "factor", d.factor());
        }
        g.writeArrayFieldStart("suspects");
        for (Diagnosis.Suspect s : d.suspects()) {
            g.writeStartObject();
            g.writeStringField("role", s.cell().role().key());
            g.writeStringField("table", s.cell().table());
            g.writeStringField("row", s.cell().row());
            g.writeStringField("column", s.cell().column());
            g.writeStringField("printed", s.cell().printed());
            g.writeStringField("unit", s.cell().unit().printed());
            if (s.shouldBe() == null) {
                g.writeNullField("shouldBe");
            } else {
                g.writeStringField("shouldBe", s.shouldBe().toPlainString());
            }
            g.writeStringField("how", s.how());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (!d.checks().isEmpty()) {
            g.writeArrayFieldStart("checks");
            for (String c : d.checks()) {
                g.writeString(c);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** A decimal string without trailing zeros beyond the units ("1800", "-0.1"); null as JSON null. */
    static void decimal(JsonGenerator g, String name, BigDecimal v) throws IOException {
        if (v == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, Decimals.plain(v, 0));
        }
    }
}
