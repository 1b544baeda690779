package dev.crossfoot.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The command line's model, built with picocli's programmatic API rather than read from annotations: in a cold JVM
 * picocli's annotation reading (annotation proxies, reflective accessors, generic signatures) took about 70 ms of a
 * one-filing check. Each option is defined once, where its command or option group builds it, with the attributes
 * picocli's annotations gave it; its value is read back from its {@link OptionSpec} after parsing.
 */
final class Specs {

    private Specs() {
    }

    /**
     * A command's model: {@code command} is what runs it, not inspected for annotations. The standard help options
     * are added by {@link #standardHelp}, after the command's own options (where picocli adds them).
     */
    static CommandSpec command(Object command, String name, String description, String... exitCodes) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name(name);
        spec.versionProvider(new Main.Version());
        UsageMessageSpec usage = spec.usageMessage();
        usage.description(description);
        usage.exitCodeListHeading("%nExit codes:%n");
        usage.exitCodeList(UsageMessageSpec.keyValuesMap(exitCodes));
        return spec;
    }

    /**
     * {@code -h, --help} and {@code -V, --version}, as picocli's {@code mixinStandardHelpOptions = true} adds them
     * (the same names, descriptions and mixin name), without its annotated mixin class.
     */
    static CommandSpec standardHelp(CommandSpec spec) {
        CommandSpec mixin = CommandSpec.create();
        mixin.addOption(OptionSpec.builder("${picocli.help.name.0:--h}", "${picocli.help.name.1:---help}")
                .usageHelp(true).descriptionKey("mixinStandardHelpOptions.help")
                .description("Show this help message and exit.").type(boolean.class).initialValue(false).build());
        mixin.addOption(OptionSpec.builder("${picocli.version.name.0:--V}", "${picocli.version.name.1:---version}")
                .versionHelp(true).descriptionKey("mixinStandardHelpOptions.version")
                .description("Print version information and exit.").type(boolean.class).initialValue(false).build());
        return spec.addMixin("mixinStandardHelpOptions", mixin);
    }

    /** An option without a value: false unless given. */
    static OptionSpec flag(CommandSpec spec, String description, String... names) {
        OptionSpec o = OptionSpec.builder(names).type(boolean.class).initialValue(false).description(description).build();
        spec.addOption(o);
        return o;
    }

    /** An option with one value of {@code type}, null unless given (or {@code defaultValue}, when not null). */
    static OptionSpec option(CommandSpec spec, Class<?> type, String label, String defaultValue, String description, String... names) {
        OptionSpec.Builder b = valued(type, label, description, names);
        if (defaultValue != null) {
            b.defaultValue(defaultValue);
        }
        return add(spec, b);
    }

    /** An option with one value of {@code type}, to be given further attributes and added with {@link #add}. */
    static OptionSpec.Builder valued(Class<?> type, String label, String description, String... names) {
        OptionSpec.Builder b = OptionSpec.builder(names).type(type).paramLabel(label).description(description);
        if (type == int.class) {
            b.initialValue(0);
        }
        return b;
    }

    static OptionSpec add(CommandSpec spec, OptionSpec.Builder b) {
        OptionSpec o = b.build();
        spec.addOption(o);
        return o;
    }

    /** A repeatable option: its values in the order given, none unless given. */
    static OptionSpec list(CommandSpec spec, Class<?> type, String label, String description, String... names) {
        OptionSpec o = OptionSpec.builder(names).type(List.class).auxiliaryTypes(type).initialValue(new ArrayList<>())
                .paramLabel(label).description(description).build();
        spec.addOption(o);
        return o;
    }

    /** A positional parameter; required when it takes at least one value (as picocli's annotations make it). */
    static PositionalParamSpec positional(CommandSpec spec, PositionalParamSpec.Builder b, String label, String description) {
        PositionalParamSpec p = b.paramLabel(label).description(description).required(b.arity() == null || b.arity().min() > 0).build();
        spec.addPositional(p);
        return p;
    }

    /** The value parsed into {@code arg}: its initial or default value when it was not given. */
    @SuppressWarnings("unchecked")
    static <T> T value(picocli.CommandLine.Model.ArgSpec arg) {
        return (T) arg.getValue();
    }

    static boolean isSet(OptionSpec flag) {
        return Boolean.TRUE.equals(flag.getValue());
    }
}
