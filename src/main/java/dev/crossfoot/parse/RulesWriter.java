package dev.crossfoot.parse;

import dev.crossfoot.model.NarrativeFigure;
import dev.crossfoot.rules.Items;
import dev.crossfoot.rules.RowRef;
import dev.crossfoot.rules.Rule;
import dev.crossfoot.rules.RuleInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes rules as a rules YAML file that {@link RulesReader} reads back unchanged, so that rules found by
 * footing a table ({@code crossfoot foot --emit-rules}) can be kept and edited. Written with the YAML codec
 * ({@link Yaml#write}): every text is a quoted scalar, so no label, however it is printed, changes meaning.
 */
public final class RulesWriter {

    private RulesWriter() {
    }

    /**
     * @param header comment lines written above the rules (without the leading {@code #})
     */
    public static String write(List<Rule> rules, List<String> header) {
        return Yaml.write(header, w -> {
            w.list("rules");
            for (Rule r : rules) {
                w.item();
                common(w, r);
                r.accept(new Keys(w));
                w.end();
            }
            w.endList();
        });
    }

    private static void common(Yaml.Writer w, Rule rule) throws IOException {
        RuleInfo info = rule.info();
        w.text("id", info.id()).text("title", info.title()).text("kind", rule.kind().key());
        if (info.severity() != rule.kind().defaultSeverity()) {
            w.text("severity", info.severity().name().toLowerCase(Locale.ROOT));
        }
        if (!info.reason().isEmpty()) {
            w.text("reason", info.reason());
        }
    }

    /** The keys of each kind of rule, as {@link RulesReader} reads them. */
    private static final class Keys implements Rule.Visitor<Void> {
        private final Yaml.Writer w;

        Keys(Yaml.Writer w) {
            this.w = w;
        }

        @Override
        public Void sum(Rule.Sum s) {
            return writing(() -> {
                w.text("table", s.table());
                items("items", s.items());
                w.text("total", s.total().toString());
                columns(s.columns());
            });
        }

        @Override
        public Void formula(Rule.Formula f) {
            return writing(() -> {
                optionalTable(f.table());
                w.text("check", f.result() + " = " + f.expression());
                columns(f.columns());
            });
        }

        @Override
        public Void rollForward(Rule.RollForward r) {
            return writing(() -> {
                w.text("table", r.table()).text("opening", r.opening().toString());
                items("movements", r.movements());
                w.text("closing", r.closing().toString());
                columns(r.columns());
                if (r.carryForward()) {
                    w.bool("carry_forward", true);
                }
            });
        }

        @Override
        public Void crossFoot(Rule.CrossFoot c) {
            return writing(() -> {
                w.text("table", c.table()).texts("items", c.items()).text("total", c.total());
                if (!c.rows().isEmpty()) {
                    w.texts("rows", c.rows().stream().map(RowRef::toString).toList());
                }
            });
        }

        @Override
        public Void tie(Rule.Tie t) {
            return writing(() -> {
                optionalTable(t.table());
                w.text("figure", t.figure().toString()).text("agrees_with", t.agreesWith().toString());
                columns(t.columns());
            });
        }

        @Override
        public Void ratio(Rule.Ratio r) {
            return writing(() -> {
                optionalTable(r.table());
                w.text("measure", r.measure().key());
                if (r.measure() == Rule.Measure.QUOTIENT) {
                    w.text("figure", r.figure().toString()).text("numerator", r.numerator().toString())
                            .text("denominator", r.denominator().toString());
                    columns(r.columns());
                    return;
                }
                w.texts("rows", r.rows().stream().map(RowRef::toString).toList());
                if (r.base() != null) {
                    w.text("base", r.base().toString());
                }
                w.map("columns");
                for (Map.Entry<String, List<String>> e : r.columnMap().entrySet()) {
                    if (r.measure() == Rule.Measure.SHARE) {
                        w.text(e.getKey(), e.getValue().get(0));
                    } else {
                        w.texts(e.getKey(), e.getValue());
                    }
                }
                w.end();
            });
        }

        @Override
        public Void text(Rule.Text t) {
            return writing(() -> {
                w.text("line", t.line()).text("figure", t.figure());
                if (t.measure() != NarrativeFigure.Kind.AMOUNT) {
                    w.text("measure", t.measure().key());
                }
                w.text("is", t.is().toString());
                if (t.other() != null) {
                    w.text(t.measure() == NarrativeFigure.Kind.CHANGE ? "from" : "of", t.other().toString());
                }
            });
        }

        private void optionalTable(String table) throws IOException {
            if (table != null) {
                w.text("table", table);
            }
        }

        private void items(String key, Items items) throws IOException {
            if (items instanceof Items.Listed l) {
                w.texts(key, l.rows().stream().map(RowRef::toString).toList());
            } else if (items instanceof Items.Range r) {
                w.map(key).text("from", r.from().toString()).text("to", r.to().toString()).end();
            }
        }

        private void columns(List<String> columns) throws IOException {
            if (columns.equals(List.of(Rule.ALL_COLUMNS))) {
                w.text("columns", "all");
            } else if (!columns.isEmpty()) {
                w.texts("columns", columns);
            }
        }
    }

    private interface Writing {
        void run() throws IOException;
    }

    private static Void writing(Writing body) {
        try {
            body.run();
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
