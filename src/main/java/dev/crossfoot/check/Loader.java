package dev.crossfoot.check;

import dev.crossfoot.model.Filing;
import dev.crossfoot.model.InputException;
import dev.crossfoot.model.SourceLocation;
import dev.crossfoot.parse.FilingReader;
import dev.crossfoot.parse.RulesReader;
import dev.crossfoot.result.InputError;
import dev.crossfoot.rules.Rule;
import dev.crossfoot.rules.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads what a check needs from disk: filing directories and their rules (the filing's rules.yaml, then the
 * --rules files). Rules files a batch shares are parsed once. Reads, never writes.
 */
public final class Loader {

    /** The rules file a filing directory may hold beside filing.yaml. */
    public static final String RULES_FILE = "rules.yaml";

    private final List<Path> extraRules;
    /** Rules already read, by the bytes of their file. */
    private final Map<RulesReader.Content, RuleSet> parsed = new ConcurrentHashMap<>();

    public Loader(List<Path> extraRules) {
        this.extraRules = List.copyOf(extraRules);
    }

    /**
     * Reads a filing directory, refusing it whole if any table cannot be read.
     *
     * @param parallelTables read its tables on several threads (not when several filings are read at once)
     */
    public Filing filing(Path dir, boolean parallelTables) {
        return FilingReader.read(dir, parallelTables);
    }

    /**
     * Reads a filing directory, keeping the tables that can be read; those that cannot are input errors
     * for those tables alone.
     *
     * @throws InputException when the filing cannot be used at all (its directory or filing.yaml)
     */
    public FilingReader.Loaded load(Path dir, boolean parallelTables) {
        return FilingReader.load(dir, parallelTables);
    }

    /** The tables of a loaded filing that could not be read, as the report says them. */
    public static List<InputError> errors(FilingReader.Loaded loaded) {
        return loaded.unreadable().stream()
                .map(u -> {
                    SourceLocation at = u.problem().location();
                    return at == null ? new InputError(u.table(), u.file(), 0, u.problem().oneLine())
                            : new InputError(u.table(), at.file(), at.line(), u.problem().oneLine());
                }).toList();
    }

    /**
     * The rules for a filing directory: its rules.yaml, then the --rules files.
     *
     * @throws InputException when there are none, a file cannot be read, or two rules share an id
     */
    public RuleSet rules(Path dir) {
        return rules(dir, true);
    }

    /**
     * The rules of a filing, as {@link #rules(Path)}; with {@code required} false, a filing without any is not an
     * error: its rule set is empty (for ways of checking that bring their own, such as footing).
     */
    public RuleSet rules(Path dir, boolean required) {
        List<Rule> all = new ArrayList<>();
        Path own = dir.resolve(RULES_FILE);
        if (Files.exists(own)) {
            all.addAll(RulesReader.read(own, own.toString(), parsed).rules());
        }
        for (Path extra : extraRules) {
            all.addAll(RulesReader.read(extra, extra.toString(), parsed).rules());
        }
        if (all.isEmpty() && required) {
            throw new InputException(SourceLocation.of(dir.toString()), "no rules to check: add " + RULES_FILE
                    + " to the filing directory, pass --rules FILE, or foot the tables without rules with --infer");
        }
        Map<String, Rule> seen = new HashMap<>();
        for (Rule r : all) {
            Rule before = seen.putIfAbsent(r.info().id(), r);
            if (before != null) {
                throw new InputException(r.info().location(), "rule id " + r.info().id() + " is already used at "
                        + before.info().location() + "; rule ids must be unique");
            }
        }
        return new RuleSet(all);
    }
}
