package dev.crossfoot.extract;

import dev.crossfoot.rules.Rule;
import dev.crossfoot.rules.RuleSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of a rule set that apply to an extracted filing: those whose tables were all extracted. The rules
 * file's text is kept as written (comments included): when every rule applies it is copied whole; otherwise
 * the lines of the rules that do not apply are left out.
 *
 * @param text    the rules.yaml to write
 * @param kept    how many rules it holds
 * @param dropped one line per rule left out, naming the tables that were not extracted
 */
public record RulesSelection(String text, int kept, List<String> dropped) {

    public RulesSelection {
        dropped = List.copyOf(dropped);
    }

    public static RulesSelection select(RuleSet rules, String text, Extraction x) {
        Set<String> ids = new HashSet<>();
        x.tables().forEach(t -> ids.add(t.id()));
        List<Rule> sorted = new ArrayList<>(rules.rules());
        sorted.sort(Comparator.comparingInt(r -> r.info().location().line()));
        List<String> dropped = new ArrayList<>();
        boolean[] drop = new boolean[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            Rule r = sorted.get(i);
            List<String> missing = r.tables().stream().filter(t -> !ids.contains(t)).toList();
            if (!missing.isEmpty()) {
                drop[i] = true;
                dropped.add("line " + r.info().location().line() + ": rule " + r.info().id()
                        + " left out: no extracted table " + String.join(", ", missing));
            }
        }
        if (dropped.isEmpty()) {
            return new RulesSelection(text, sorted.size(), List.of());
        }
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sorted.size(); i++) {
            int from = sorted.get(i).info().location().line() - 1;
            int to = i + 1 < sorted.size() ? sorted.get(i + 1).info().location().line() - 1 : lines.length;
            if (i == 0) {
                for (int l = 0; l < from; l++) {
                    out.append(lines[l]).append('\n');
                }
            }
            if (!drop[i]) {
                for (int l = from; l < to; l++) {
                    out.append(lines[l]).append(l + 1 < lines.length ? "\n" : "");
                }
            }
        }
        return new RulesSelection(out.toString(), sorted.size() - dropped.size(), dropped);
    }
}
