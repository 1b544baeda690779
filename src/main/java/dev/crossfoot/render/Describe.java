package dev.crossfoot.render;

import dev.crossfoot.model.Decimals;
import dev.crossfoot.result.Diagnosis;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Narrated;
import dev.crossfoot.result.RuleError;
import dev.crossfoot.result.Severity;
import dev.crossfoot.result.Status;
import dev.crossfoot.result.Summary;
import java.math.BigDecimal;
import java.util.List;

/**
 * Wording shared by the machine-facing formats (JUnit XML, SARIF, GitHub annotations, HTML): how a
 * check's figures and explanation read on one line. It formats the figures of a {@link Finding}; it
 * never derives one.
 */
final class Describe {

    private Describe() {
    }

    /** A decimal as the text report shows it: grouped, leading minus; empty for null. */
    static String num(BigDecimal v) {
        return v == null ? "" : Decimals.grouped(v, 0);
    }

    /**
     * Whether a non-passing check makes the run fail, as the exit code sees it: a failure, or a check of
     * severity error that could not be evaluated. A warning, and a warning rule that could not be
     * evaluated, are reported only; so is a failure a baseline recorded ({@link Finding#known()}).
     */
    static boolean fatal(Finding x) {
        return !x.known() && (x.status() == Status.FAIL || (x.status() == Status.ERROR && x.severity() == Severity.ERROR));
    }

    /** "table cash-flows, row Income tax paid, column 2023"; for a narrative check, where its figure is printed. */
    static String where(Finding x) {
        if (x.narrated() != null) {
            return x.narrated().where() + ", matched on " + x.narrated().words();
        }
        return "table " + x.table() + ", row " + x.row() + ", column " + x.column();
    }

    /**
     * "reported (21,941), computed -21,931, difference 10, tolerance ±0.5 (RMB'000)", or for a check that
     * could not be evaluated just "reported N.A. (RMB'000)".
     */
    static String figures(Finding x) {
        String unit = unit(x).isEmpty() ? "" : " (" + unit(x) + ")";
        String reported = "reported " + (x.reported() == null || x.reported().isEmpty() ? "(blank)" : x.reported());
        if (x.computed() == null) {
            return reported + unit;
        }
        return reported + ", computed " + num(x.computed()) + ", difference " + num(x.difference())
                + ", tolerance ±" + num(x.tolerance()) + unit;
    }

    /** The unit of a finding's figures as printed ("RMB'000"), or empty. */
    static String unit(Finding x) {
        return x.unit().printed();
    }

    /** The diagnoses as one sentence ("Possible causes: a; b."), or empty. */
    static String diagnoses(Finding x) {
        List<String> d = x.diagnoses().stream().map(Diagnosis::text).toList();
        return d.isEmpty() ? "" : "Possible causes: " + String.join("; ", d) + ".";
    }

    /**
     * The whole story of one non-passing check on one line: title, where, figures, message and diagnoses.
     * A check that could not be evaluated says so first, so it never reads like a failure of the figures.
     */
    static String oneLine(Finding x) {
        StringBuilder sb = new StringBuilder();
        if (x.status() == Status.ERROR) {
            sb.append("Could not be evaluated: ");
        }
        sb.append(x.title()).append(" (").append(where(x)).append("): ").append(figures(x)).append('.');
        if (!x.message().isEmpty()) {
            sb.append(' ').append(x.message());
        }
        String d = diagnoses(x);
        if (!d.isEmpty()) {
            sb.append(' ').append(d);
        }
        if (x.narrated() != null) {
            sb.append(' ').append(narrative(x));
        }
        return sb.toString();
    }

    /** The sentence a narrative check is about, cut to fit, and where it is printed: 'In "…" [file:98].' */
    static String narrative(Finding x) {
        Narrated n = x.narrated();
        return "In \"" + n.sentence(SENTENCE, x.reported()) + "\" [" + n.where() + "].";
    }

    /** How much of a sentence the machine-facing formats show, around its figure. */
    static final int SENTENCE = 160;

    /** "570 checks: 568 passed, 0 failed, 2 warnings, 0 could not be evaluated", as the text report says it. */
    static String counts(Summary s) {
        return s.total() + (s.total() == 1 ? " check: " : " checks: ") + s.passed() + " passed, " + s.failed() + " failed, "
                + s.warned() + (s.warned() == 1 ? " warning, " : " warnings, ") + s.errors() + " could not be evaluated";
    }

    /** "; 1 table could not be read, 2 rules not run", or empty when every table could be read. */
    static String incomplete(int tables, int rules) {
        if (tables == 0 && rules == 0) {
            return "";
        }
        return "; " + tables + (tables == 1 ? " table" : " tables") + " could not be read, " + rules
                + (rules == 1 ? " rule" : " rules") + " not run";
    }

    /** "Rule CF-OPS-NET (Operating cash flows add up) not run: it reads table 'x', which could not be read". */
    static String notRun(RuleError r) {
        return "Rule " + r.rule() + (r.title().isEmpty() ? "" : " (" + r.title() + ")") + " not run: " + r.message();
    }

    /**
     * Replaces what no XML or HTML document may hold (C0 controls other than tab, LF and CR; unpaired
     * surrogates; U+FFFE and U+FFFF) with U+FFFD, so hostile input cannot make a report unreadable.
     */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad;
            if (Character.isHighSurrogate(c)) {
                bad = i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
                if (!bad) {
                    if (sb != null) {
                        sb.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                bad = Character.isLowSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                        || c == '\uFFFE' || c == '\uFFFF';
            }
            if (bad && sb == null) {
                sb = new StringBuilder(s.length());
                sb.append(s, 0, i);
            }
            if (sb != null) {
                sb.append(bad ? '\uFFFD' : c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** Line breaks as single spaces, for places that hold one line (XML attributes, titles). */
    static String oneLineOf(String s) {
        return clean(s).replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    }

    /**
     * Whether a check's rule is crossfoot's own (a standard rule, or a total footing inferred) rather than one of the
     * user's rules files: the text report and annotations name such an origin; structured formats name every origin.
     */
    static boolean builtIn(Finding x) {
        return x.origin().equals("standard") || x.origin().equals("inferred");
    }
}
