package dev.crossfoot.rules;

import java.util.List;

/** The rules to check, in the order they were written (the filing's rules.yaml, then any --rules files). */
public record RuleSet(List<Rule> rules) {
    public RuleSet {
        rules = List.copyOf(rules);
    }

    /** The same rules, as if read from the file named {@code file} (same lines and columns). */
    public RuleSet inFile(String file) {
        return new RuleSet(rules.stream().map(r -> r.withInfo(r.info().inFile(file))).toList());
    }
}
