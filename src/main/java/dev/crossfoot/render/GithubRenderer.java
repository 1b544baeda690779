package dev.crossfoot.render;

import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.InputError;
import dev.crossfoot.result.RuleError;
import dev.crossfoot.result.Totals;
import java.math.BigDecimal;
import dev.crossfoot.result.Status;
import java.io.IOException;
import java.io.Writer;

/**
 * GitHub Actions workflow commands, which the runner turns into annotations on the CSV files:
 * <pre>
 * ::error file=fixtures/x/cash-flows.csv,line=4,title=CF-OPS-NET@2023::Operating cash flows add up (table cash-flows, ...): reported ...
 * ::warning file=fixtures/x/revenue.csv,line=3,title=REV-SEG-SHARE@2023 %#Traditional AI::...
 * ::notice title=crossfoot::fixtures/x: 570 checks: 568 passed, 0 failed, 2 warnings, 0 could not be evaluated
 * </pre>
 * One line per check that did not pass, in report order: a failure is {@code ::error}, a warning
 * {@code ::warning}; a check that could not be evaluated is {@code ::error} for a rule of severity error and
 * {@code ::warning} for a warning rule, its message starting "Could not be evaluated". A filing whose input
 * could not be used is {@code ::error file=DIR,title=crossfoot input::reason}; a table that could not be read
 * is {@code ::error file=CSV,line=N,title=crossfoot input::reason}, and a rule not run because of it
 * {@code ::error file=RULES,line=N,title=ID not run::reason}. Then one {@code ::notice} per
 * filing with its counts, and one for the whole run when there are several filings.
 *
 * <p>Escaping follows the runner's rules: in the message {@code %}, CR and LF become {@code %25},
 * {@code %0D} and {@code %0A}; in a property value {@code :} and {@code ,} also become {@code %3A} and
 * {@code %2C}. So every command is one line, whatever the input holds.
 */
public final class GithubRenderer implements StreamingRenderer {

    @Override
    public void begin(boolean exactMode, BigDecimal extraTolerance, Writer out) {
        // workflow commands need no header
    }

    @Override
    public void filing(FilingReport f, Writer out) throws IOException {
        if (f.isError()) {
            out.write("::error file=" + property(f.path()) + ",title=crossfoot input::"
                    + data(f.path() + " could not be checked: " + f.error()) + "\n");
            return;
        }
        for (InputError e : f.inputErrors()) {
            out.write("::error file=" + property(e.file()) + (e.line() > 0 ? ",line=" + e.line() : "")
                    + ",title=crossfoot input::" + data("table " + e.table() + " could not be read: " + e.message()) + "\n");
        }
        for (RuleError r : f.ruleErrors()) {
            out.write("::error file=" + property(r.file()) + (r.line() > 0 ? ",line=" + r.line() : "")
                    + ",title=" + property(r.rule() + " not run") + "::" + data(Describe.notRun(r)) + "\n");
        }
        for (Finding x : f.findings()) {
            if (x.status() == Status.PASS) {
                continue;
            }
            String command = x.known() ? "notice" : Describe.fatal(x) ? "error" : "warning";
            StringBuilder sb = new StringBuilder("::").append(command).append(' ');
            if (x.file() != null && !x.file().isEmpty()) {
                sb.append("file=").append(property(x.file())).append(',');
                if (x.line() > 0) {
                    sb.append("line=").append(x.line()).append(',');
                }
            }
            sb.append("title=").append(property(x.id() + (Describe.builtIn(x) ? " (" + x.origin() + ")" : "")))
                    .append("::").append(data(Describe.oneLine(x)));
            out.write(sb + "\n");
        }
    }

    @Override
    public void end(Totals totals, Writer out) throws IOException {
        for (Totals.FilingTotal f : totals.filings()) {
            if (!f.isError()) {
                out.write("::notice title=crossfoot::" + data(f.path() + ": " + Describe.counts(f.summary())
                        + Describe.incomplete(f.unreadableTables(), f.rulesNotRun())) + "\n");
            }
        }
        long unusable = totals.inputErrors();
        int n = totals.filings().size();
        if (n > 1 || unusable > 0) {
            out.write("::notice title=crossfoot::" + data("Total: " + n + (n == 1 ? " filing, " : " filings, ")
                    + Describe.counts(totals.summary())
                    + (unusable > 0 ? "; " + unusable + (unusable == 1 ? " filing" : " filings") + " could not be read" : "")
                    + Describe.incomplete((int) totals.unreadableTables(), (int) totals.rulesNotRun()))
                    + "\n");
        }
    }

    /** Escapes a command's message: %, CR and LF. */
    static String data(String s) {
        return Describe.clean(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a property value: as {@link #data}, and also ':' and ','. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
