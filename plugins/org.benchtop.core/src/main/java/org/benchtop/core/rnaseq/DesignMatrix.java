package org.benchtop.core.rnaseq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.benchtop.core.rnaseq.SampleSheet.Variable;

/**
 * The model matrix X (samples x coefficients) of a design, built exactly as R's
 * {@code model.matrix()} builds it (treatment contrasts, R's rule for when a factor inside an
 * interaction is coded by contrasts or by all its levels, full dummy coding of the first factor
 * when there is no intercept) and with DESeq2's column names ({@code Intercept},
 * {@code condition_treated_vs_untreated}, R's {@code make.names} for interactions such as
 * {@code typesingle.read.conditiontreated}).
 *
 * <p>Immutable; stored row-major. The factory rejects designs that are not of full rank, naming
 * the columns that are zero or linear combinations of earlier ones (DESeq2's
 * {@code checkFullRank}, which uses {@code qr(x)$rank} with tolerance 1e-7).
 */
public final class DesignMatrix {

    private final double[] x;
    private final int m;
    private final int p;
    private final List<String> columnNames;
    private final DesignFormula formula;
    private final SampleSheet sheet;

    private DesignMatrix(double[] x, int m, int p, List<String> columnNames, DesignFormula formula,
            SampleSheet sheet) {
        this.x = x;
        this.m = m;
        this.p = p;
        this.columnNames = columnNames;
        this.formula = formula;
        this.sheet = sheet;
    }

    /**
     * Builds the model matrix of {@code formula} over {@code sheet}.
     *
     * @param formula the design
     * @param sheet the sample annotation; must have every variable of the formula
     * @return the full-rank model matrix
     * @throws RnaseqException (BAD_INPUT) for a missing variable, or a design that is not of full
     *         rank (naming the confounded columns)
     */
    public static DesignMatrix of(DesignFormula formula, SampleSheet sheet) {
        DesignMatrix d = build(formula, sheet);
        d.checkFullRank();
        return d;
    }

    /**
     * A user-supplied model matrix (DESeq2's {@code full = matrix}); column names are kept.
     *
     * @param x row-major values, {@code samples x names.size()}
     * @param samples number of rows
     * @param names the column names
     * @return the checked matrix
     */
    public static DesignMatrix ofMatrix(double[] x, int samples, List<String> names) {
        if (x.length != samples * names.size()) {
            throw RnaseqException.badInput("The model matrix has %d values, expected %d samples x %d columns.",
                    Integer.valueOf(x.length), Integer.valueOf(samples), Integer.valueOf(names.size()));
        }
        DesignMatrix d = new DesignMatrix(x.clone(), samples, names.size(), List.copyOf(names), null, null);
        d.checkFullRank();
        return d;
    }

    static DesignMatrix build(DesignFormula formula, SampleSheet sheet) {
        int m = sheet.size();
        List<List<String>> terms = formula.terms();
        for (String v : formula.variables()) {
            sheet.variable(v); // throws naming the available columns
        }
        // coding per term/variable: 0 numeric, 1 contrasts, 2 all levels
        List<int[]> codes = new ArrayList<>();
        for (List<String> term : terms) {
            int[] c = new int[term.size()];
            for (int k = 0; k < term.size(); k++) {
                Variable v = sheet.variable(term.get(k));
                if (!v.isFactor()) {
                    c[k] = 0;
                } else {
                    List<String> rest = new ArrayList<>(term);
                    rest.remove(k);
                    c[k] = rest.isEmpty() || terms.contains(rest) ? 1 : 2;
                }
            }
            codes.add(c);
        }
        if (!formula.hasIntercept()) {
            outer:
            for (int j = 0; j < terms.size(); j++) {
                for (int k = 0; k < terms.get(j).size(); k++) {
                    if (codes.get(j)[k] > 0) {
                        codes.get(j)[k] = 2;
                        break outer;
                    }
                }
            }
        }
        List<double[]> cols = new ArrayList<>();
        List<String> rawNames = new ArrayList<>();
        if (formula.hasIntercept()) {
            double[] one = new double[m];
            Arrays.fill(one, 1.0);
            cols.add(one);
            rawNames.add("(Intercept)");
        }
        for (int j = 0; j < terms.size(); j++) {
            List<String> term = terms.get(j);
            int[] c = codes.get(j);
            // columns: cartesian product, first variable varying fastest
            List<double[]> termCols = new ArrayList<>();
            List<String> termNames = new ArrayList<>();
            double[] ones = new double[m];
            Arrays.fill(ones, 1.0);
            termCols.add(ones);
            termNames.add("");
            for (int k = 0; k < term.size(); k++) {
                Variable v = sheet.variable(term.get(k));
                List<double[]> partCols = new ArrayList<>();
                List<String> partNames = new ArrayList<>();
                if (!v.isFactor()) {
                    partCols.add(v.values());
                    partNames.add(v.name());
                } else {
                    List<String> levels = v.levels();
                    for (int l = c[k] == 1 ? 1 : 0; l < levels.size(); l++) {
                        double[] ind = new double[m];
                        for (int s = 0; s < m; s++) {
                            ind[s] = v.labels().get(s).equals(levels.get(l)) ? 1.0 : 0.0;
                        }
                        partCols.add(ind);
                        partNames.add(v.name() + levels.get(l));
                    }
                }
                List<double[]> nextCols = new ArrayList<>();
                List<String> nextNames = new ArrayList<>();
                for (int b = 0; b < partCols.size(); b++) {
                    for (int a = 0; a < termCols.size(); a++) {
                        double[] prod = new double[m];
                        for (int s = 0; s < m; s++) {
                            prod[s] = termCols.get(a)[s] * partCols.get(b)[s];
                        }
                        nextCols.add(prod);
                        String left = termNames.get(a);
                        nextNames.add(left.isEmpty() ? partNames.get(b) : left + ":" + partNames.get(b));
                    }
                }
                termCols = nextCols;
                termNames = nextNames;
            }
            cols.addAll(termCols);
            rawNames.addAll(termNames);
        }
        int p = cols.size();
        double[] x = new double[m * p];
        for (int j = 0; j < p; j++) {
            for (int s = 0; s < m; s++) {
                x[s * p + j] = cols.get(j)[s];
            }
        }
        return new DesignMatrix(x, m, p, List.copyOf(deseqNames(rawNames, formula, sheet)), formula, sheet);
    }

    /**
     * DESeq2's expanded model matrix ({@code makeExpandedModelMatrix}, used with a beta prior):
     * an intercept and, for every factor, one indicator column per level (not of full rank; the
     * ridge makes the fit unique). Only designs without interactions.
     */
    static DesignMatrix expanded(DesignFormula formula, SampleSheet sheet) {
        int m = sheet.size();
        List<double[]> cols = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (formula.hasIntercept()) {
            double[] one = new double[m];
            Arrays.fill(one, 1.0);
            cols.add(one);
            names.add("Intercept");
        }
        for (List<String> term : formula.terms()) {
            if (term.size() != 1) {
                throw RnaseqException.badInput(
                        "Normal LFC shrinkage is not available for designs with interactions (DESeq2: 'LFC shrinkage "
                                + "type=normal not implemented for designs with interactions'); term %s.",
                        String.join(":", term));
            }
            Variable v = sheet.variable(term.get(0));
            if (!v.isFactor()) {
                cols.add(v.values());
                names.add(makeNames(v.name()));
                continue;
            }
            for (String level : v.levels()) {
                double[] ind = new double[m];
                for (int s = 0; s < m; s++) {
                    ind[s] = v.labels().get(s).equals(level) ? 1.0 : 0.0;
                }
                cols.add(ind);
                names.add(makeNames(v.name() + level));
            }
        }
        int p = cols.size();
        double[] x = new double[m * p];
        for (int j = 0; j < p; j++) {
            for (int s = 0; s < m; s++) {
                x[s * p + j] = cols.get(j)[s];
            }
        }
        return new DesignMatrix(x, m, p, List.copyOf(names), formula, sheet);
    }

    /** DESeq2's column names: Intercept, make.names, and factor_level_vs_reference for main effects. */
    private static List<String> deseqNames(List<String> raw, DesignFormula formula, SampleSheet sheet) {
        List<String> names = new ArrayList<>();
        for (String r : raw) {
            names.add(r.equals("(Intercept)") ? "Intercept" : makeNames(r));
        }
        if (formula.hasIntercept()) {
            for (String var : formula.variables()) {
                Variable v = sheet.variable(var);
                if (!v.isFactor()) {
                    continue;
                }
                List<String> lv = v.levels();
                for (int l = 1; l < lv.size(); l++) {
                    String from = makeNames(var + lv.get(l));
                    String to = makeNames(var + "_" + lv.get(l) + "_vs_" + lv.get(0));
                    int idx = names.indexOf(from);
                    if (idx >= 0) {
                        names.set(idx, to);
                    }
                }
            }
        }
        return names;
    }

    /** R's {@code make.names()}: invalid characters become '.', an 'X' is prepended if needed. */
    static String makeNames(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isLetterOrDigit(c) || c == '.' || c == '_' ? c : '.');
        }
        String r = b.toString();
        if (r.isEmpty() || !(Character.isLetter(r.charAt(0)) || r.charAt(0) == '.')
                || (r.charAt(0) == '.' && r.length() > 1 && Character.isDigit(r.charAt(1)))) {
            r = "X" + r;
        }
        return r;
    }

    private void checkFullRank() {
        boolean[] dep = SmallMatrix.dependentColumns(x, m, p, 1e-7);
        List<String> zero = new ArrayList<>();
        List<String> combos = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            if (!dep[j]) {
                continue;
            }
            boolean allZero = true;
            for (int s = 0; s < m; s++) {
                if (x[s * p + j] != 0) {
                    allZero = false;
                    break;
                }
            }
            (allZero ? zero : combos).add(columnNames.get(j));
        }
        if (!zero.isEmpty()) {
            throw RnaseqException.badInput(
                    "The model matrix of design '%s' is not full rank: column(s) %s are all zero, because levels or "
                            + "combinations of levels have no samples. Remove unused levels or the interaction term "
                            + "(DESeq2 stops with the same error).", formulaText(), String.join(", ", zero));
        }
        if (!combos.isEmpty()) {
            throw RnaseqException.badInput(
                    "The model matrix of design '%s' is not full rank: column(s) %s are linear combinations of the "
                            + "columns before them (%s), i.e. these variables are confounded (e.g. every batch holds "
                            + "only one condition). Remove one of the confounded variables from the design.",
                    formulaText(), String.join(", ", combos), String.join(", ", columnNames));
        }
        if (m < p) {
            throw RnaseqException.badInput("Design '%s' has %d coefficients but only %d samples.", formulaText(),
                    Integer.valueOf(p), Integer.valueOf(m));
        }
    }

    private String formulaText() {
        return formula == null ? "user-supplied matrix" : formula.toString();
    }

    /** @return the number of samples (rows) */
    public int sampleCount() {
        return m;
    }

    /** @return the number of coefficients (columns) */
    public int coefficientCount() {
        return p;
    }

    /** @return DESeq2's coefficient names ({@code resultsNames(dds)}) */
    public List<String> columnNames() {
        return columnNames;
    }

    /**
     * @param name a coefficient name
     * @return its column index, or -1
     */
    public int columnIndex(String name) {
        return columnNames.indexOf(name);
    }

    /**
     * @param sample row
     * @param coef column
     * @return the entry
     */
    public double get(int sample, int coef) {
        return x[sample * p + coef];
    }

    /** @return a copy of the row-major entries */
    public double[] toArray() {
        return x.clone();
    }

    /** Row-major entries without copying; callers must not modify. */
    double[] data() {
        return x;
    }

    /** @return the formula, or null for a user-supplied matrix */
    public DesignFormula formula() {
        return formula;
    }

    /** @return the sample sheet, or null for a user-supplied matrix */
    public SampleSheet sheet() {
        return sheet;
    }

    /**
     * Groups samples with identical rows of X, numbered in order of first appearance (DESeq2's
     * {@code modelMatrixGroups} and the cells of {@code robustMethodOfMomentsDisp}).
     *
     * @return the group of each sample
     */
    int[] rowGroups() {
        return Cells.of(x, m, p).cellOf.clone();
    }

    /**
     * DESeq2's {@code nOrMoreInCell(modelMatrix, n)}: whether each sample's row of X occurs at
     * least n times.
     */
    boolean[] nOrMoreInCell(int n) {
        int[] g = rowGroups();
        int[] count = new int[m];
        for (int v : g) {
            count[v]++;
        }
        boolean[] out = new boolean[m];
        for (int s = 0; s < m; s++) {
            out[s] = count[g[s]] >= n;
        }
        return out;
    }

    /**
     * The distinct rows ("cells") of a model matrix, numbered in order of first appearance, and
     * the cell of every sample. Per-gene quantities of the form sum_j v_j x_j x_j' (X'WX, its
     * derivative in the dispersion) equal sum_c (sum_{j in c} v_j) x_c x_c', so they cost one pass
     * over the samples plus a p x p term per cell instead of p^2 passes over the samples; a design
     * of factors has a handful of cells whatever the number of samples. Immutable.
     */
    static final class Cells {
        /** Number of samples. */
        final int m;
        /** Number of coefficients. */
        final int p;
        /** Number of cells. */
        final int count;
        /** The cell of each sample. */
        final int[] cellOf;
        /** The distinct rows, {@code count x p} row-major. */
        final double[] rows;
        /** The samples of cell c, ascending: {@code members[start[c] .. start[c + 1])}. */
        private final int[] members;
        private final int[] start;

        private Cells(int m, int p, int count, int[] cellOf, double[] rows) {
            this.m = m;
            this.p = p;
            this.count = count;
            this.cellOf = cellOf;
            this.rows = rows;
            this.start = new int[count + 1];
            for (int c : cellOf) {
                start[c + 1]++;
            }
            for (int c = 0; c < count; c++) {
                start[c + 1] += start[c];
            }
            this.members = new int[m];
            int[] next = Arrays.copyOf(start, count);
            for (int j = 0; j < m; j++) {
                members[next[cellOf[j]]++] = j;
            }
        }

        /**
         * @param x the model matrix, {@code m x p} row-major
         * @param m samples
         * @param p coefficients
         * @return its cells (rows compared bit for bit, as R's {@code unique} on the matrix)
         */
        static Cells of(double[] x, int m, int p) {
            int[] cellOf = new int[m];
            double[] rows = new double[m * p];
            int count = 0;
            for (int j = 0; j < m; j++) {
                int c = 0;
                while (c < count && !Arrays.equals(x, j * p, j * p + p, rows, c * p, c * p + p)) {
                    c++;
                }
                if (c == count) {
                    System.arraycopy(x, j * p, rows, c * p, p);
                    count++;
                }
                cellOf[j] = c;
            }
            return new Cells(m, p, count, cellOf, Arrays.copyOf(rows, count * p));
        }

        /** @return the number of samples in cell c */
        int size(int c) {
            return start[c + 1] - start[c];
        }

        /** out[c] = the sum of v[j] over the samples j of cell c, added in sample order. */
        void sums(double[] v, double[] out) {
            for (int c = 0; c < count; c++) {
                double s = 0;
                for (int i = start[c]; i < start[c + 1]; i++) {
                    s += v[members[i]];
                }
                out[c] = s;
            }
        }

        /**
         * X'WX = sum_c (sum_{j in c} w_j) x_c x_c' into out (p x p).
         *
         * @param w per-sample weights
         * @param cellScratch receives the per-cell sums (length >= count)
         * @param out the p x p result
         */
        void weightedCrossprod(double[] w, double[] cellScratch, double[] out) {
            sums(w, cellScratch);
            crossprod(cellScratch, out);
        }

        /** out (p x p) = sum_c cellSums[c] x_c x_c'. */
        void crossprod(double[] cellSums, double[] out) {
            for (int k = 0; k < p; k++) {
                for (int l = k; l < p; l++) {
                    double s = 0;
                    for (int c = 0; c < count; c++) {
                        s += cellSums[c] * rows[c * p + k] * rows[c * p + l];
                    }
                    out[k * p + l] = s;
                    out[l * p + k] = s;
                }
            }
        }

        /** out[c] = x_c' a x_c for the p x p matrix a. */
        void quadraticForms(double[] a, double[] out) {
            for (int c = 0; c < count; c++) {
                double s = 0;
                for (int k = 0; k < p; k++) {
                    double ak = 0;
                    for (int l = 0; l < p; l++) {
                        ak += a[k * p + l] * rows[c * p + l];
                    }
                    s += rows[c * p + k] * ak;
                }
                out[c] = s;
            }
        }

        /** out[c] = exp(x_c' beta), the fitted mean of each cell on the scale of the counts / nf. */
        void expLinearPredictors(double[] coef, int off, double[] out) {
            linearPredictors(coef, off, out);
            for (int c = 0; c < count; c++) {
                out[c] = Math.exp(out[c]);
            }
        }

        /** out[c] = x_c' beta, the linear predictor of each cell, for beta = coef[off .. off+p). */
        void linearPredictors(double[] coef, int off, double[] out) {
            for (int c = 0; c < count; c++) {
                double eta = 0;
                for (int k = 0; k < p; k++) {
                    eta += rows[c * p + k] * coef[off + k];
                }
                out[c] = eta;
            }
        }
    }

    @Override
    public String toString() {
        return "DesignMatrix[" + formulaText() + ": " + m + " x " + p + " " + columnNames + "]";
    }
}
