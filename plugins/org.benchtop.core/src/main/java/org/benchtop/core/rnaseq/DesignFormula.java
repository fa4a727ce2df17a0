package org.benchtop.core.rnaseq;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A design formula in R's Wilkinson-Rogers notation, as DESeq2 takes it: {@code ~ condition},
 * {@code ~ batch + condition}, interactions {@code a:b}, crossing {@code a*b} (= {@code a + b + a:b}),
 * and {@code 0 +} / {@code - 1} to drop the intercept. Terms are kept in R's {@code terms()}
 * order: by degree, then by first appearance; the variables of an interaction are ordered by
 * their first appearance in the formula (so {@code ~ b + a:b} has the term {@code b:a}).
 *
 * <p>Immutable. Reference: Chambers and Hastie (1992), Statistical Models in S, chapter 2.
 */
public final class DesignFormula {

    private final String text;
    private final boolean intercept;
    private final List<List<String>> terms;
    private final List<String> variables;

    private DesignFormula(String text, boolean intercept, List<List<String>> terms, List<String> variables) {
        this.text = text;
        this.intercept = intercept;
        this.terms = terms;
        this.variables = variables;
    }

    /**
     * Parses a formula such as {@code "~ batch + condition"}.
     *
     * @param formula the text; the leading {@code ~} is required
     * @return the parsed formula
     * @throws RnaseqException (BAD_INPUT) with the position of the problem
     */
    public static DesignFormula parse(String formula) {
        if (formula == null) {
            throw RnaseqException.badInput("No design formula given; write one such as '~ condition'.");
        }
        String s = formula.trim();
        if (!s.startsWith("~")) {
            throw RnaseqException.badInput("The design formula '%s' must start with '~', e.g. '~ batch + condition'.",
                    formula);
        }
        List<String> tokens = tokenize(formula, s.substring(1));
        boolean intercept = true;
        List<List<String>> raw = new ArrayList<>();
        LinkedHashSet<String> vars = new LinkedHashSet<>();
        int i = 0;
        int sign = 1;
        boolean expectTerm = true;
        while (i < tokens.size()) {
            String t = tokens.get(i);
            if (expectTerm) {
                if (t.equals("-")) {
                    sign = -sign;
                    i++;
                    continue;
                }
                if (t.equals("+")) {
                    i++;
                    continue;
                }
                if (t.equals("0") || t.equals("1")) {
                    boolean one = t.equals("1");
                    intercept = (one == (sign > 0));
                    i++;
                    sign = 1;
                    expectTerm = false;
                    continue;
                }
                if (isOperator(t)) {
                    throw RnaseqException.badInput("Unexpected '%s' in design formula '%s'.", t, formula);
                }
                // a product of factors joined by ':' or '*'
                List<String> factors = new ArrayList<>();
                List<Boolean> crossed = new ArrayList<>();
                factors.add(t);
                vars.add(t);
                i++;
                while (i + 1 < tokens.size() && (tokens.get(i).equals(":") || tokens.get(i).equals("*"))) {
                    crossed.add(Boolean.valueOf(tokens.get(i).equals("*")));
                    String v = tokens.get(i + 1);
                    if (isOperator(v) || v.equals("0") || v.equals("1")) {
                        throw RnaseqException.badInput("Expected a variable after '%s' in design formula '%s'.",
                                tokens.get(i), formula);
                    }
                    factors.add(v);
                    vars.add(v);
                    i += 2;
                }
                List<List<String>> expanded = expand(factors, crossed);
                if (sign < 0) {
                    throw RnaseqException.badInput(
                            "Removing terms with '-' is only supported for the intercept ('- 1') in '%s'.", formula);
                }
                raw.addAll(expanded);
                sign = 1;
                expectTerm = false;
            } else {
                if (!t.equals("+") && !t.equals("-")) {
                    throw RnaseqException.badInput("Expected '+' before '%s' in design formula '%s'.", t, formula);
                }
                if (t.equals("-")) {
                    sign = -1;
                }
                expectTerm = true;
                i++;
            }
        }
        if (expectTerm && !tokens.isEmpty()) {
            throw RnaseqException.badInput("The design formula '%s' ends with an operator.", formula);
        }
        List<String> varOrder = new ArrayList<>(vars);
        // canonical terms: variables sorted by first appearance, duplicates removed
        List<List<String>> canon = new ArrayList<>();
        Set<List<String>> seen = new LinkedHashSet<>();
        for (List<String> term : raw) {
            LinkedHashSet<String> set = new LinkedHashSet<>(term);
            List<String> ordered = new ArrayList<>();
            for (String v : varOrder) {
                if (set.contains(v)) {
                    ordered.add(v);
                }
            }
            if (seen.add(ordered)) {
                canon.add(List.copyOf(ordered));
            }
        }
        // R orders terms by degree, stable within a degree
        List<List<String>> ordered = new ArrayList<>();
        int maxDeg = 0;
        for (List<String> t : canon) {
            maxDeg = Math.max(maxDeg, t.size());
        }
        for (int d = 1; d <= maxDeg; d++) {
            for (List<String> t : canon) {
                if (t.size() == d) {
                    ordered.add(t);
                }
            }
        }
        return new DesignFormula(formula.trim(), intercept, List.copyOf(ordered), List.copyOf(varOrder));
    }

    private static boolean isOperator(String t) {
        return t.equals("+") || t.equals("-") || t.equals(":") || t.equals("*");
    }

    private static List<List<String>> expand(List<String> factors, List<Boolean> crossed) {
        // split into groups joined by ':' ; groups are crossed with '*'
        List<List<List<String>>> groups = new ArrayList<>();
        List<List<String>> current = new ArrayList<>();
        current.add(new ArrayList<>(List.of(factors.get(0))));
        for (int k = 1; k < factors.size(); k++) {
            String v = factors.get(k);
            if (crossed.get(k - 1).booleanValue()) {
                groups.add(current);
                current = new ArrayList<>();
                current.add(new ArrayList<>(List.of(v)));
            } else {
                for (List<String> t : current) {
                    t.add(v);
                }
            }
        }
        groups.add(current);
        // a*b*... = all non-empty products of the groups
        List<List<String>> result = new ArrayList<>();
        result.add(new ArrayList<>());
        for (List<List<String>> g : groups) {
            List<List<String>> next = new ArrayList<>(result);
            for (List<String> existing : result) {
                for (List<String> t : g) {
                    List<String> combined = new ArrayList<>(existing);
                    combined.addAll(t);
                    next.add(combined);
                }
            }
            result = next;
        }
        result.remove(0);
        return result;
    }

    private static List<String> tokenize(String formula, String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '+' || c == '-' || c == ':' || c == '*') {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '`') {
                int end = s.indexOf('`', i + 1);
                if (end < 0) {
                    throw RnaseqException.badInput("Unclosed backquote in design formula '%s'.", formula);
                }
                out.add(s.substring(i + 1, end));
                i = end + 1;
            } else if (Character.isLetterOrDigit(c) || c == '.' || c == '_') {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.'
                        || s.charAt(j) == '_')) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else {
                throw RnaseqException.badInput(
                        "Character '%c' at position %d of design formula '%s' is not supported; use variable names, "
                                + "'+', ':', '*', '0' and '- 1' (quote unusual names with backquotes).",
                        Character.valueOf(c), Integer.valueOf(i + 2), formula);
            }
        }
        return out;
    }

    /** @return whether the model has an intercept */
    public boolean hasIntercept() {
        return intercept;
    }

    /** @return the terms in R's order; each term lists its variables in order of first appearance */
    public List<List<String>> terms() {
        return terms;
    }

    /** @return all variables, in order of first appearance (R's {@code all.vars}) */
    public List<String> variables() {
        return variables;
    }

    /** @return whether the formula is {@code ~ 1} (intercept only) */
    public boolean isInterceptOnly() {
        return terms.isEmpty() && intercept;
    }

    /** @return whether any term is an interaction */
    public boolean hasInteraction() {
        for (List<String> t : terms) {
            if (t.size() > 1) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
