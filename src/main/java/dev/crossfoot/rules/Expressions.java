package dev.crossfoot.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the expression language of rules:
 * <pre>
 *   relation   := expression "=" expression
 *   expression := ["+" | "-"] term (("+" | "-") term)*
 *   term       := [number ["*"]] cell | number
 *   cell       := [table-id] "[" [section ">"] label "]" ["[" column "]"]
 * </pre>
 * Labels sit in brackets, so they may hold any character but "]" ("Finance income – net",
 * "Net cash generated from/(used in) investing activities"). A cell without a table id is in the
 * rule's table; one without a column is in the column being checked.
 */
public final class Expressions {

    private final String text;
    private int pos;

    private Expressions(String text) {
        this.text = text;
    }

    /** Parses "left = right". */
    public static LinearExpr[] parseRelation(String text) {
        Expressions p = new Expressions(text);
        LinearExpr left = p.expression();
        p.skipBlanks();
        if (!p.eat('=')) {
            throw p.error("expected '=' after the left-hand side");
        }
        LinearExpr right = p.expression();
        p.end();
        return new LinearExpr[] {left, right};
    }

    /** Parses one expression. */
    public static LinearExpr parse(String text) {
        Expressions p = new Expressions(text);
        LinearExpr e = p.expression();
        p.end();
        return e;
    }

    private void end() {
        skipBlanks();
        if (pos < text.length()) {
            throw error("unexpected '" + text.charAt(pos) + "'");
        }
    }

    private LinearExpr expression() {
        List<Term> terms = new ArrayList<>();
        BigDecimal constant = BigDecimal.ZERO;
        boolean first = true;
        while (true) {
            skipBlanks();
            int sign = 1;
            if (eat('+')) {
                sign = 1;
            } else if (eat('-') || eat('\u2212') || eat('\u2013')) {
                sign = -1;
            } else if (!first) {
                break;
            }
            skipBlanks();
            BigDecimal coefficient = BigDecimal.ONE;
            BigDecimal number = number();
            if (number != null) {
                skipBlanks();
                boolean star = eat('*') || eat('\u00D7');
                skipBlanks();
                if (!star && !startsCell()) {
                    constant = constant.add(sign < 0 ? number.negate() : number);
                    first = false;
                    continue;
                }
                coefficient = number;
            }
            if (!startsCell()) {
                throw error(pos >= text.length() ? "expected a cell such as table[Label] at the end"
                        : "expected a cell such as table[Label]");
            }
            CellRef ref = cell();
            terms.add(new Term(sign < 0 ? coefficient.negate() : coefficient, ref));
            first = false;
        }
        if (terms.isEmpty() && constant.signum() == 0 && first) {
            throw error("expected an expression");
        }
        return new LinearExpr(terms, constant);
    }

    private boolean startsCell() {
        return pos < text.length() && (text.charAt(pos) == '[' || Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_');
    }

    private CellRef cell() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || "_.-".indexOf(text.charAt(pos)) >= 0)) {
            pos++;
        }
        String table = pos > start ? text.substring(start, pos) : null;
        skipBlanks();
        if (!eat('[')) {
            throw error("expected '[' and a row label after '" + table + "'");
        }
        String row = bracketed();
        String column = null;
        if (pos < text.length() && text.charAt(pos) == '[') {
            pos++;
            column = bracketed().strip();
            if (column.isEmpty()) {
                throw error("empty column name");
            }
        }
        try {
            return new CellRef(table, RowRef.parse(row), column);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    private String bracketed() {
        int close = text.indexOf(']', pos);
        if (close < 0) {
            throw error("'[' is never closed with ']'");
        }
        String inside = text.substring(pos, close);
        if (inside.indexOf('[') >= 0) {
            throw error("'[' inside a label; a label cannot contain brackets");
        }
        pos = close + 1;
        return inside;
    }

    private BigDecimal number() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos == start) {
            return null;
        }
        try {
            return new BigDecimal(text.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw error(dev.crossfoot.model.Printable.quoted(text.substring(start)) + " is not a number");
        }
    }

    private boolean eat(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipBlanks() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("in expression '" + text + "' at character " + (pos + 1) + ": " + what);
    }
}
