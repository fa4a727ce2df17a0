package org.benchtop.core.rnaseq;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sample annotation (DESeq2's {@code colData}): one row per sample, with categorical
 * variables (factors, with an ordered list of levels whose first element is the reference
 * level) and numeric covariates. Immutable; the {@code with...} methods return copies.
 *
 * <p>Factor levels default to the sorted distinct values in code-point order, which is R's
 * {@code factor()} order in the C locale (the locale the reference values were produced in);
 * {@link #withReference} moves a level to the front as R's {@code relevel()} does.
 */
public final class SampleSheet {

    /**
     * One variable of the sheet.
     *
     * @param name the column name
     * @param labels per sample: the factor level (factors) or null (numeric)
     * @param values per sample: the numeric value (numeric) or null (factors)
     * @param levels the factor levels in order, reference first (empty for numeric)
     */
    public record Variable(String name, List<String> labels, double[] values, List<String> levels) {

        /** @return whether this is a factor (categorical) variable */
        public boolean isFactor() {
            return labels != null;
        }

        /** @return the reference (first) level of a factor, null for numeric variables */
        public String reference() {
            return levels.isEmpty() ? null : levels.get(0);
        }

        /**
         * @param sample sample index
         * @return the level index of that sample (factors only)
         */
        public int levelIndex(int sample) {
            return levels.indexOf(labels.get(sample));
        }
    }

    private final List<String> samples;
    private final Map<String, Variable> variables;

    private SampleSheet(List<String> samples, Map<String, Variable> variables) {
        this.samples = samples;
        this.variables = variables;
    }

    /**
     * @param sampleNames the sample names, unique and non-empty, in the order of the count columns
     * @return a sheet with no variables yet
     * @throws RnaseqException (BAD_INPUT) on an empty or duplicated name
     */
    public static SampleSheet of(List<String> sampleNames) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < sampleNames.size(); i++) {
            String s = sampleNames.get(i);
            if (s == null || s.isEmpty()) {
                throw RnaseqException.badInput("The sample sheet has an empty sample name in row %d.",
                        Integer.valueOf(i + 1));
            }
            if (!seen.add(s)) {
                throw RnaseqException.badInput("Sample '%s' appears twice in the sample sheet; sample names must be unique.",
                        s);
            }
        }
        return new SampleSheet(List.copyOf(sampleNames), new LinkedHashMap<>());
    }

    /**
     * Adds a categorical variable with levels in sorted (code-point) order.
     *
     * @param name the variable name (as used in the design formula)
     * @param labels one level label per sample, none missing
     * @return the extended sheet
     */
    public SampleSheet withFactor(String name, List<String> labels) {
        checkLength(name, labels.size());
        TreeSet<String> sorted = new TreeSet<>();
        for (int i = 0; i < labels.size(); i++) {
            String v = labels.get(i);
            if (v == null || v.isEmpty()) {
                throw RnaseqException.badInput(
                        "Sample '%s' has no value in column '%s' of the sample sheet; every sample needs a value "
                                + "for each variable of the design.", samples.get(i), name);
            }
            sorted.add(v);
        }
        return withVariable(new Variable(name, List.copyOf(labels), null, List.copyOf(sorted)));
    }

    /**
     * Adds a categorical variable with an explicit level order (first = reference).
     *
     * @param name the variable name
     * @param labels one level per sample
     * @param levels all levels in order; must contain every label
     * @return the extended sheet
     */
    public SampleSheet withFactor(String name, List<String> labels, List<String> levels) {
        SampleSheet s = withFactor(name, labels);
        Variable v = s.variables.get(name);
        for (String l : v.levels()) {
            if (!levels.contains(l)) {
                throw RnaseqException.badInput("Level '%s' of '%s' is missing from the given level order %s.", l, name,
                        levels);
            }
        }
        // R keeps declared levels even when no sample has them (they make zero columns)
        return s.withVariable(new Variable(name, v.labels(), null, List.copyOf(levels)));
    }

    /**
     * Adds a numeric covariate.
     *
     * @param name the variable name
     * @param values one finite value per sample
     * @return the extended sheet
     */
    public SampleSheet withNumeric(String name, double[] values) {
        checkLength(name, values.length);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw RnaseqException.badInput(
                        "Sample '%s' has no finite value in numeric column '%s' of the sample sheet.", samples.get(i),
                        name);
            }
        }
        return withVariable(new Variable(name, null, values.clone(), List.of()));
    }

    /**
     * Makes {@code level} the reference (first) level of factor {@code name}, as R's
     * {@code relevel()}.
     *
     * @param name a factor of this sheet
     * @param level one of its levels
     * @return the changed sheet
     * @throws RnaseqException (BAD_INPUT) if the factor or level does not exist
     */
    public SampleSheet withReference(String name, String level) {
        Variable v = variable(name);
        if (!v.isFactor()) {
            throw RnaseqException.badInput("'%s' is numeric, so it has no reference level.", name);
        }
        if (!v.levels().contains(level)) {
            throw RnaseqException.badInput("'%s' has no level '%s'; its levels are: %s.", name, level,
                    String.join(", ", v.levels()));
        }
        List<String> lv = new ArrayList<>(v.levels());
        lv.remove(level);
        lv.add(0, level);
        return withVariable(new Variable(name, v.labels(), null, List.copyOf(lv)));
    }

    private void checkLength(String name, int n) {
        if (n != samples.size()) {
            throw RnaseqException.badInput("Column '%s' has %d values but the sheet has %d samples.", name,
                    Integer.valueOf(n), Integer.valueOf(samples.size()));
        }
    }

    private SampleSheet withVariable(Variable v) {
        Map<String, Variable> copy = new LinkedHashMap<>(variables);
        copy.put(v.name(), v);
        return new SampleSheet(samples, copy);
    }

    /** @return the sample names in order */
    public List<String> sampleNames() {
        return samples;
    }

    /** @return the number of samples */
    public int size() {
        return samples.size();
    }

    /** @return the variable names in insertion order */
    public List<String> variableNames() {
        return Collections.unmodifiableList(new ArrayList<>(variables.keySet()));
    }

    /**
     * @param name a variable name
     * @return whether the sheet has it
     */
    public boolean has(String name) {
        return variables.containsKey(name);
    }

    /**
     * @param name a variable name
     * @return the variable
     * @throws RnaseqException (BAD_INPUT) naming the available columns if there is none
     */
    public Variable variable(String name) {
        Variable v = variables.get(name);
        if (v == null) {
            throw RnaseqException.badInput("The sample sheet has no column '%s'; its columns are: %s.", name,
                    String.join(", ", variables.keySet()));
        }
        return v;
    }

    /**
     * Keeps the given samples, in the given order (for aligning with the count columns).
     *
     * @param order sample names, each present in this sheet
     * @return the reordered sheet
     */
    public SampleSheet withSampleOrder(List<String> order) {
        List<Integer> idx = new ArrayList<>();
        for (String s : order) {
            int i = samples.indexOf(s);
            if (i < 0) {
                throw RnaseqException.badInput("Sample '%s' is not in the sample sheet; the sheet lists: %s.", s,
                        String.join(", ", samples));
            }
            idx.add(Integer.valueOf(i));
        }
        Map<String, Variable> copy = new LinkedHashMap<>();
        for (Variable v : variables.values()) {
            if (v.isFactor()) {
                List<String> l = new ArrayList<>();
                for (Integer i : idx) {
                    l.add(v.labels().get(i.intValue()));
                }
                copy.put(v.name(), new Variable(v.name(), List.copyOf(l), null, v.levels()));
            } else {
                double[] d = new double[idx.size()];
                for (int k = 0; k < d.length; k++) {
                    d[k] = v.values()[idx.get(k).intValue()];
                }
                copy.put(v.name(), new Variable(v.name(), null, d, List.of()));
            }
        }
        return new SampleSheet(List.copyOf(order), copy);
    }
}
