package dev.crossfoot.result;

import java.util.List;

/**
 * What a filing was checked against, as the report's header says it: the origins of its checks in order
 * ("standard", "inferred", a rules file) with how many rules each gave, and the standard rules that did
 * not apply.
 *
 * @param origins          each origin and the number of its rules that were checked, e.g. "standard" = 14
 * @param notApplicable    the standard rules whose line items the filing does not print
 */
public record Basis(java.util.Map<String, Integer> origins, List<NotApplicable> notApplicable) {

    public Basis {
        origins = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(origins));
        notApplicable = List.copyOf(notApplicable);
    }

    /** "standard rules (14 applied, 9 not applicable), inferred (57), fixtures/x/rules.yaml (325)". */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (java.util.Map.Entry<String, Integer> e : origins.entrySet()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            if (e.getKey().equals("standard")) {
                sb.append("standard rules (").append(e.getValue()).append(" applied, ").append(notApplicable.size()).append(" not applicable)");
            } else if (e.getKey().equals("inferred")) {
                sb.append("inferred by footing (").append(e.getValue()).append(")");
            } else {
                sb.append(e.getKey()).append(" (").append(e.getValue()).append(")");
            }
        }
        return sb.toString();
    }
}
