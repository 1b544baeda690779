package dev.crossfoot.rules;

import java.util.List;

/** The rules to check, in the order they were written (the filing's rules.yaml, then any --rules files). */
public record RuleSet(List<Rule> rules) {
    public RuleSet {
        rules = List.copyOf(rules);
    }
}
