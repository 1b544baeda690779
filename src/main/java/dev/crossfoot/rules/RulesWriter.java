package dev.crossfoot.rules;

import dev.crossfoot.result.Severity;
import java.util.List;
import java.util.Map;

/**
 * Writes rules as a rules YAML file that the rules reader accepts unchanged, so that rules found by
 * footing a table ({@code crossfoot foot --emit-rules}) can be kept and edited. Every text is written as
 * a quoted scalar (YAML's "..." style), so no label, however it is printed, changes meaning in YAML.
 */
public final class RulesWriter {

    private RulesWriter() {
    }

    /**
     * @param header comment lines written above the rules (without the leading {@code #})
     */
    public static String write(List<Rule> rules, List<String> header) {
        StringBuilder sb = new StringBuilder();
        for (String h : header) {
            for (String line : h.split("\\R", -1)) {
                sb.append("# ").append(line).append('\n');
            }
        }
        if (rules.isEmpty()) {
            return sb.append("rules: []\n").toString();
        }
        sb.append("rules:\n");
        for (Rule r : rules) {
            write(r, sb);
        }
        return sb.toString();
    }

    private static void write(Rule rule, StringBuilder sb) {
        RuleInfo info = rule.info();
        sb.append("  - id: ").append(quote(info.id())).append('\n');
        key(sb, "title", info.title());
        sb.append("    kind: ").append(rule.kind()).append('\n');
        if (info.severity() != Severity.ERROR) {
            sb.append("    severity: ").append(info.severity().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
        }
        if (!info.reason().isEmpty()) {
            key(sb, "reason", info.reason());
        }
        if (rule instanceof Rule.Sum s) {
            key(sb, "table", s.table());
            items(sb, "items", s.items());
            key(sb, "total", s.total().toString());
            columns(sb, s.columns());
        } else if (rule instanceof Rule.RollForward r) {
            key(sb, "table", r.table());
            key(sb, "opening", r.opening().toString());
            items(sb, "movements", r.movements());
            key(sb, "closing", r.closing().toString());
            columns(sb, r.columns());
            if (r.carryForward()) {
                sb.append("    carry_forward: true\n");
            }
        } else if (rule instanceof Rule.CrossFoot c) {
            key(sb, "table", c.table());
            list(sb, "items", c.items());
            key(sb, "total", c.total());
            if (!c.rows().isEmpty()) {
                list(sb, "rows", c.rows().stream().map(RowRef::toString).toList());
            }
        } else if (rule instanceof Rule.Formula f) {
            optionalTable(sb, f.table());
            key(sb, "check", f.result() + " = " + f.expression());
            columns(sb, f.columns());
        } else if (rule instanceof Rule.Tie t) {
            optionalTable(sb, t.table());
            key(sb, "figure", t.figure().toString());
            key(sb, "agrees_with", t.agreesWith().toString());
            columns(sb, t.columns());
        } else if (rule instanceof Rule.Ratio r) {
            optionalTable(sb, r.table());
            sb.append("    measure: ").append(r.measure().key()).append('\n');
            if (r.measure() == Rule.Measure.QUOTIENT) {
                key(sb, "figure", r.figure().toString());
                key(sb, "numerator", r.numerator().toString());
                key(sb, "denominator", r.denominator().toString());
                columns(sb, r.columns());
            } else {
                list(sb, "rows", r.rows().stream().map(RowRef::toString).toList());
                if (r.base() != null) {
                    key(sb, "base", r.base().toString());
                }
                sb.append("    columns:\n");
                for (Map.Entry<String, List<String>> e : r.columnMap().entrySet()) {
                    sb.append("      ").append(quote(e.getKey())).append(": ");
                    sb.append(r.measure() == Rule.Measure.SHARE ? quote(e.getValue().get(0)) : flow(e.getValue()));
                    sb.append('\n');
                }
            }
        } else {
            throw new IllegalArgumentException("cannot write a rule of kind " + rule.kind());
        }
    }

    private static void optionalTable(StringBuilder sb, String table) {
        if (table != null) {
            key(sb, "table", table);
        }
    }

    private static void key(StringBuilder sb, String key, String value) {
        sb.append("    ").append(key).append(": ").append(quote(value)).append('\n');
    }

    private static void items(StringBuilder sb, String key, Items items) {
        if (items instanceof Items.Listed l) {
            list(sb, key, l.rows().stream().map(RowRef::toString).toList());
        } else if (items instanceof Items.Range r) {
            sb.append("    ").append(key).append(": {from: ").append(quote(r.from().toString()))
                    .append(", to: ").append(quote(r.to().toString())).append("}\n");
        }
    }

    private static void columns(StringBuilder sb, List<String> columns) {
        if (columns.equals(List.of(Rule.ALL_COLUMNS))) {
            sb.append("    columns: all\n");
        } else if (!columns.isEmpty()) {
            list(sb, "columns", columns);
        }
    }

    private static void list(StringBuilder sb, String key, List<String> values) {
        sb.append("    ").append(key).append(":\n");
        for (String v : values) {
            sb.append("      - ").append(quote(v)).append('\n');
        }
    }

    private static String flow(List<String> values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
        }
        return sb.append(']').toString();
    }

    /** A YAML scalar in "..." style: backslash, quote, and every control or invisible character escaped. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                    || Character.isSurrogate(c) && !validSurrogate(s, i)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
