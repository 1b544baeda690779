package dev.crossfoot.parse;

import dev.crossfoot.model.InputException;
import dev.crossfoot.model.Labels;
import dev.crossfoot.model.SourceLocation;
import dev.crossfoot.result.Severity;
import dev.crossfoot.rules.CellRef;
import dev.crossfoot.rules.Expressions;
import dev.crossfoot.rules.LinearExpr;
import dev.crossfoot.rules.RuleInfo;
import dev.crossfoot.rules.StandardPack;
import dev.crossfoot.rules.Term;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the standard rule pack: the one shipped in the jar ({@code dev/crossfoot/standard.yaml}) and, with
 * {@code --standard FILE}, a file that extends it: an item of the file adds its labels to the built-in
 * item of the same id (or replaces them, with {@code replace: true}), and a rule of the file replaces the
 * built-in rule of the same id or adds a new one. Errors name the file, line and column.
 */
public final class StandardReader {

    /** The built-in pack's resource, and how reports name it. */
    public static final String RESOURCE = "/dev/crossfoot/standard.yaml";
    public static final String BUILT_IN = "standard";

    private StandardReader() {
    }

    /** The built-in pack being read ahead on a thread of its own ({@link #readAhead}), or null. */
    private static volatile java.util.concurrent.FutureTask<StandardPack> ahead;

    /**
     * Starts reading the built-in pack on a daemon thread of its own, so that a command that will need it (check) has it
     * read on the second core while the first builds the command line; {@link #builtIn} then takes that pack. The pack
     * is immutable, so every caller may share it.
     */
    public static void readAhead() {
        java.util.concurrent.FutureTask<StandardPack> task = new java.util.concurrent.FutureTask<>(StandardReader::readBuiltIn);
        ahead = task;
        Thread t = new Thread(task, "crossfoot-standard");
        t.setDaemon(true);
        t.start();
    }

    /** The built-in pack. */
    public static StandardPack builtIn() {
        java.util.concurrent.FutureTask<StandardPack> task = ahead;
        if (task != null) {
            try {
                return task.get();
            } catch (java.util.concurrent.ExecutionException e) {
                // read it again here, so that whatever went wrong is thrown as it would have been without reading ahead
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return readBuiltIn();
    }

    private static StandardPack readBuiltIn() {
        try (InputStream in = StandardReader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the standard rule pack " + RESOURCE + " is missing from the jar");
            }
            return parse(in.readAllBytes(), BUILT_IN, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The built-in pack extended (or overridden) by {@code file}. */
    public static StandardPack extended(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(SourceLocation.of(file.toString()), "no such standard rule pack file; give a YAML file with 'items:' and 'rules:'");
        }
        return parse(Yaml.read(file, file.toString()), file.toString(), builtIn());
    }

    static StandardPack parse(byte[] bytes, String shown, StandardPack base) {
        YamlNode root = Yaml.parse(bytes, shown);
        if (!(root instanceof YamlNode.Mapping top)) {
            throw new InputException(SourceLocation.of(shown), "a standard rule pack is a mapping with 'items:' and 'rules:'");
        }
        top.requireKnownKeys(Set.of("items", "rules"), "a standard rule pack");
        Map<String, StandardPack.Item> items = new LinkedHashMap<>(base == null ? Map.of() : base.items());
        YamlNode itemsNode = top.get("items");
        if (itemsNode != null) {
            if (!(itemsNode instanceof YamlNode.Mapping m)) {
                throw new InputException(itemsNode.location(), "'items' must map each item id to its labels");
            }
            for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
                StandardPack.Item item = item(e.getKey(), e.getValue(), shown);
                StandardPack.Item before = items.get(item.id());
                boolean replace = e.getValue() instanceof YamlNode.Mapping im && bool(im, "replace", "item " + item.id());
                if (before != null && !replace) {
                    List<StandardPack.Variant> all = new ArrayList<>(item.labels());
                    all.addAll(before.labels());
                    List<StandardPack.ColumnVariant> columns = new ArrayList<>(item.columns());
                    columns.addAll(before.columns());
                    item = new StandardPack.Item(item.id(), all, columns, item.deduction() || before.deduction(),
                            item.byTable() || before.byTable(), item.location());
                }
                items.put(item.id(), item);
            }
        }
        Map<String, StandardPack.StandardRule> rules = new LinkedHashMap<>();
        if (base != null) {
            base.rules().forEach(r -> rules.put(r.info().id(), r));
        }
        YamlNode rulesNode = top.get("rules");
        if (rulesNode != null) {
            if (!(rulesNode instanceof YamlNode.Sequence s)) {
                throw new InputException(rulesNode.location(), "'rules' must be a list of rules");
            }
            Set<String> seen = new java.util.HashSet<>();
            for (YamlNode n : s.items()) {
                StandardPack.StandardRule r = rule(n, items, shown);
                if (!seen.add(r.info().id())) {
                    throw new InputException(n.location(), "rule id " + r.info().id() + " is used twice; rule ids must be unique");
                }
                rules.put(r.info().id(), r);
            }
        }
        return new StandardPack(base == null ? shown : base.source() + " + " + shown, items, new ArrayList<>(rules.values()));
    }

    private static StandardPack.Item item(String id, YamlNode n, String shown) {
        List<String> texts = new ArrayList<>();
        List<String> columnTexts = new ArrayList<>();
        boolean deduction = false;
        boolean byTable = false;
        if (n instanceof YamlNode.Sequence s) {
            texts.addAll(texts(s, "item " + id));
        } else if (n instanceof YamlNode.Mapping m) {
            m.requireKnownKeys(Set.of("labels", "columns", "deduction", "sign", "replace"), "item " + id);
            String sign = m.text("sign", "item " + id);
            if (sign != null && !sign.equals("table") && !sign.equals("row")) {
                throw new InputException(m.get("sign").location(), "item " + id + ": 'sign' is 'row' (a deduction printed negative is "
                        + "told by its own figures, the default) or 'table' (by the table's other deductions)");
            }
            byTable = "table".equals(sign);
            YamlNode labels = m.get("labels");
            YamlNode columns = m.get("columns");
            if (columns != null) {
                if (!(columns instanceof YamlNode.Sequence cs)) {
                    throw new InputException(columns.location(), "item " + id + ": 'columns' must be a list of column headers");
                }
                columnTexts.addAll(texts(cs, "item " + id));
            }
            if (labels == null && columns != null) {
                labels = new YamlNode.Sequence(List.of(), n.location());
            }
            if (!(labels instanceof YamlNode.Sequence s)) {
                throw new InputException(n.location(), "item " + id + ": 'labels' must be a list of labels");
            }
            texts.addAll(texts(s, "item " + id));
            deduction = bool(m, "deduction", "item " + id);
        } else {
            throw new InputException(n.location(), "item " + id + ": give its labels as a list, or a mapping with 'labels'");
        }
        List<StandardPack.Variant> variants = new ArrayList<>();
        for (String t : texts) {
            variants.add(variant(t, n.location()));
        }
        List<StandardPack.ColumnVariant> columnVariants = new ArrayList<>();
        for (String t : columnTexts) {
            columnVariants.add(columnVariant(t, n.location()));
        }
        return new StandardPack.Item(id, variants, columnVariants, deduction || byTable, byTable, n.location());
    }

    private static boolean bool(YamlNode.Mapping m, String key, String what) {
        YamlNode n = m.get(key);
        if (n == null) {
            return false;
        }
        if (!(n instanceof YamlNode.Scalar s) || !s.isBoolean()) {
            throw new InputException(n.location(), what + ": '" + key + "' must be true or false");
        }
        return Boolean.parseBoolean(s.text());
    }

    private static List<String> texts(YamlNode.Sequence s, String what) {
        List<String> out = new ArrayList<>();
        for (YamlNode x : s.items()) {
            if (!(x instanceof YamlNode.Scalar sc) || sc.isNull()) {
                throw new InputException(x.location(), what + ": each label must be text");
            }
            out.add(sc.text());
        }
        return out;
    }

    /** A label as written: "Label", "/regex/", "Section > Label", each part literal or a regex. */
    static StandardPack.Variant variant(String text, SourceLocation at) {
        int gt = text.indexOf(" > ");
        String section = gt < 0 ? null : text.substring(0, gt).strip();
        String label = gt < 0 ? text.strip() : text.substring(gt + 3).strip();
        return new StandardPack.Variant(section == null ? null : pattern(section, at), pattern(label, at), text);
    }

    /** A column header as written: "Header", "Header < Next" or "Header < (end)", each part literal or a regex. */
    static StandardPack.ColumnVariant columnVariant(String text, SourceLocation at) {
        int lt = text.indexOf(" < ");
        String label = lt < 0 ? text.strip() : text.substring(0, lt).strip();
        String next = lt < 0 ? null : text.substring(lt + 3).strip();
        boolean last = END.equalsIgnoreCase(next);
        return new StandardPack.ColumnVariant(pattern(label, at), next == null || last ? null : pattern(next, at), last, text);
    }

    /** In a column header "Header < (end)": the column is the last. */
    static final String END = "(end)";

    private static Pattern pattern(String part, SourceLocation at) {
        try {
            if (part.length() >= 2 && part.startsWith("/") && part.endsWith("/")) {
                return Pattern.compile(part.substring(1, part.length() - 1));
            }
            String literal = Labels.UNLABELLED.equalsIgnoreCase(part) ? "" : Labels.normalize(part).toLowerCase(Locale.ROOT);
            return Pattern.compile(Pattern.quote(literal));
        } catch (PatternSyntaxException e) {
            throw new InputException(at, "label '" + part + "' is not a valid /regular expression/: " + e.getDescription());
        }
    }

    private static StandardPack.StandardRule rule(YamlNode n, Map<String, StandardPack.Item> items, String shown) {
        if (!(n instanceof YamlNode.Mapping m)) {
            throw new InputException(n.location(), "each rule is a mapping with 'id', 'title' and 'forms'");
        }
        SourceLocation at = m.location();
        m.requireKnownKeys(Set.of("id", "title", "severity", "reason", "forms"), "a standard rule");
        String id = m.text("id", "a standard rule");
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9_.:-]*")) {
            throw new InputException(at, "a standard rule needs an 'id' of letters, digits, '-', '_', '.' and ':'");
        }
        String title = m.text("title", "rule " + id);
        if (title == null) {
            throw new InputException(at, "rule " + id + " has no 'title'; say in words what it checks");
        }
        String sev = m.text("severity", "rule " + id);
        Severity severity;
        try {
            severity = sev == null ? StandardPack.defaultSeverity() : Severity.parse(sev);
        } catch (IllegalArgumentException e) {
            throw new InputException(at, "rule " + id + ": " + e.getMessage());
        }
        YamlNode formsNode = m.get("forms");
        if (!(formsNode instanceof YamlNode.Sequence forms) || forms.items().isEmpty()) {
            throw new InputException(at, "rule " + id + ": 'forms' must list at least one form, e.g. '- check: balance-sheet[total-assets] = ...'");
        }
        List<StandardPack.Form> out = new ArrayList<>();
        for (YamlNode f : forms.items()) {
            out.add(form(id, f, items));
        }
        return new StandardPack.StandardRule(new RuleInfo(id, title, severity, m.text("reason", "rule " + id), at), out);
    }

    private static StandardPack.Form form(String id, YamlNode n, Map<String, StandardPack.Item> items) {
        String check;
        List<String> order = List.of();
        List<String> unless = List.of();
        boolean carry = false;
        if (n instanceof YamlNode.Scalar s && !s.isNull()) {
            check = s.text();
        } else if (n instanceof YamlNode.Mapping m) {
            m.requireKnownKeys(Set.of("check", "order", "carry", "unless"), "a form of rule " + id);
            check = m.text("check", "rule " + id);
            carry = bool(m, "carry", "rule " + id);
            YamlNode o = m.get("order");
            if (o instanceof YamlNode.Sequence seq) {
                order = texts(seq, "rule " + id + " 'order'");
            }
            YamlNode u = m.get("unless");
            if (u instanceof YamlNode.Sequence seq) {
                unless = texts(seq, "rule " + id + " 'unless'");
            } else if (u != null) {
                throw new InputException(u.location(), "rule " + id + ": 'unless' must be a list of items, e.g. unless: [redeemable-nci]");
            }
        } else {
            throw new InputException(n.location(), "rule " + id + ": each form is 'check: role[item] = ...'");
        }
        if (check == null) {
            throw new InputException(n.location(), "rule " + id + ": a form has no 'check'");
        }
        LinearExpr[] sides;
        LinearExpr denominator = null;
        // a quotient: 'role[item] = role[item] / role[item]' (item ids and roles never hold a '/')
        int slash = check.lastIndexOf('/');
        try {
            sides = Expressions.parseRelation(slash < 0 ? check : check.substring(0, slash));
            if (slash >= 0) {
                denominator = Expressions.parse(check.substring(slash + 1));
            }
        } catch (IllegalArgumentException e) {
            throw new InputException(n.location(), "rule " + id + ": " + e.getMessage());
        }
        CellRef result = sides[0].singleCell();
        if (result == null) {
            throw new InputException(n.location(), "rule " + id + ": the left of '=' must be one cell, e.g. 'balance-sheet[total-assets]'");
        }
        if (denominator != null && (carry || sides[1].constant().signum() != 0 || denominator.constant().signum() != 0
                || sides[1].terms().isEmpty() || denominator.terms().isEmpty())) {
            throw new InputException(n.location(), "rule " + id + ": a quotient is 'role[item] = role[item] / role[item]': cells only, "
                    + "no constant, not carried");
        }
        List<CellRef> refs = new ArrayList<>();
        refs.add(result);
        sides[1].terms().stream().map(Term::ref).forEach(refs::add);
        if (denominator != null) {
            denominator.terms().stream().map(Term::ref).forEach(refs::add);
        }
        boolean each = refs.stream().anyMatch(r -> StandardPack.EQUITY_ROLE.equals(r.table()) && StandardPack.EACH.equals(r.column()));
        for (CellRef r : refs) {
            if (r.table() == null || !dev.crossfoot.model.Table.ROLES.contains(r.table())) {
                throw new InputException(n.location(), "rule " + id + ": '" + r + "' must name a table by its role, one of "
                        + String.join(", ", dev.crossfoot.model.Table.ROLES));
            }
            String row = r.row().label();
            if (StandardPack.EQUITY_ROLE.equals(r.table())) {
                // a matrix: [row][column], the row an item or opening/closing, the column an item printed as a column, or *
                if (r.column() == null) {
                    throw new InputException(n.location(), "rule " + id + ": '" + r + "' names no column; a changes-in-equity matrix is "
                            + "addressed as changes-in-equity[row][column], e.g. changes-in-equity[closing][total-equity]");
                }
                boolean rowOk = r.row().section() == null && (row.equals(StandardPack.OPENING) || row.equals(StandardPack.CLOSING) || items.containsKey(row));
                if (!rowOk) {
                    throw new InputException(n.location(), "rule " + id + ": no item '" + r.row() + "' in the pack's 'items' (nor opening, closing)");
                }
                if (!r.column().equals(StandardPack.EACH) && (!items.containsKey(r.column()) || items.get(r.column()).columns().isEmpty())) {
                    throw new InputException(n.location(), "rule " + id + ": no item '" + r.column() + "' with 'columns' in the pack's 'items' (nor *)");
                }
                continue;
            }
            if (r.column() != null) {
                throw new InputException(n.location(), "rule " + id + ": '" + r + "' names a column; standard rules are checked in every period");
            }
            if (row.equals(StandardPack.EACH) && r.row().section() == null) {
                if (!each) {
                    throw new InputException(n.location(), "rule " + id + ": '" + r + "' (each row) needs a changes-in-equity[...][*] in the same form");
                }
                continue;
            }
            if (!items.containsKey(row) || r.row().section() != null) {
                throw new InputException(n.location(), "rule " + id + ": no item '" + r.row() + "' in the pack's 'items'");
            }
        }
        for (String o : order) {
            if (!items.containsKey(o)) {
                throw new InputException(n.location(), "rule " + id + ": 'order' names no item '" + o + "'");
            }
        }
        for (String o : unless) {
            if (!items.containsKey(o)) {
                throw new InputException(n.location(), "rule " + id + ": 'unless' names no item '" + o + "'");
            }
        }
        return new StandardPack.Form(check, result, sides[1], order, carry, unless, n.location(), denominator);
    }
}
