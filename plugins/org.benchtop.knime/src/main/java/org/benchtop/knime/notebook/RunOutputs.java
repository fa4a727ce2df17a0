package org.benchtop.knime.notebook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.benchtop.core.notebook.ResultKind;
import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.table.Column;
import org.benchtop.core.table.Table;

/**
 * Which table connected to the Lab Notebook Entry is the result of which upstream run. In a workflow, a table does not
 * carry the run that made it; the node recognizes it:
 *
 * <ul>
 * <li>plate QC, dose-response, qPCR and RNA-seq results by their columns ({@link ResultKind#ofColumns});</li>
 * <li>the Plate Normalizer's normalized wells, which have no columns of their own beyond the normalization columns
 * the user chose, as the output of the {@code plates.normalize} run that reached the node: the run's input plus
 * exactly the columns of its {@code methods} parameter (e.g. {@code percent_of_negative}), the other columns being
 * that input unchanged (same SHA-256 of the canonical CSV as the run record's input digest). A normalized table that
 * was filtered or changed downstream is not the run's output any more, and stays a table of no recognized kind.</li>
 * </ul>
 *
 * A run is linked to the table of its kind as its output when there is exactly one run and one table of that kind.
 */
final class RunOutputs {

    /** The parameter of a {@code plates.normalize} run that lists the normalization columns (PlateRuns.start). */
    static final String METHODS_PARAMETER = "methods";

    private RunOutputs() {
    }

    /**
     * @param table a connected table
     * @param runs the upstream runs
     * @return its kind: by its columns, else {@link ResultKind#PLATE_NORMALIZATION} if it is the output of one of the
     *         plate normalization runs, else {@link ResultKind#OTHER}
     */
    static ResultKind kindOf(Table table, List<RunRecord> runs) {
        ResultKind byColumns = ResultKind.ofColumns(table.columnNames());
        if (byColumns == ResultKind.OTHER && runs.stream().anyMatch(r -> isNormalizedWellsOf(table, r))) {
            return ResultKind.PLATE_NORMALIZATION;
        }
        return byColumns;
    }

    /**
     * @param table a table
     * @param run a run record
     * @return whether the run is a plate normalization and the table its output: its one input (by SHA-256) with the
     *         normalization columns of its {@code methods} parameter appended
     */
    static boolean isNormalizedWellsOf(Table table, RunRecord run) {
        if (ResultKind.ofAnalysis(run.analysis()) != ResultKind.PLATE_NORMALIZATION || run.inputs().size() != 1) {
            return false;
        }
        List<String> methods = run.parameters().stream().filter(p -> p.name().equals(METHODS_PARAMETER))
                .flatMap(p -> Arrays.stream(p.value().split(","))).map(String::strip).filter(m -> !m.isEmpty())
                .toList();
        RunRecord.InputDigest input = run.inputs().get(0);
        if (methods.isEmpty() || !table.columnNames().containsAll(methods) || table.rowCount() != input.rows()
                || table.columnCount() != input.columns() + methods.size()) {
            return false;
        }
        List<Column> rest = table.columns().stream().filter(c -> !methods.contains(c.name())).toList();
        return RunRecord.InputDigest.of(input.name(), Table.of(table.source(), rest)).sha256().equals(input.sha256());
    }

    /**
     * @param runs the upstream runs
     * @param tableKinds the entry's tables (file name to kind)
     * @return each run's outputs, in the order of {@code runs}: the one table of its kind when there is exactly one
     *         run and one table of that kind, else none
     */
    static List<List<String>> outputs(List<RunRecord> runs, Map<String, ResultKind> tableKinds) {
        Map<ResultKind, Integer> runsOfKind = new HashMap<>();
        Map<ResultKind, Integer> tablesOfKind = new HashMap<>();
        for (RunRecord r : runs) {
            runsOfKind.merge(ResultKind.ofAnalysis(r.analysis()), Integer.valueOf(1), Integer::sum);
        }
        for (ResultKind k : tableKinds.values()) {
            tablesOfKind.merge(k, Integer.valueOf(1), Integer::sum);
        }
        List<List<String>> outputs = new ArrayList<>();
        for (RunRecord r : runs) {
            ResultKind k = ResultKind.ofAnalysis(r.analysis());
            List<String> names = new ArrayList<>();
            if (k != ResultKind.OTHER && runsOfKind.get(k).intValue() == 1
                    && tablesOfKind.getOrDefault(k, Integer.valueOf(0)).intValue() == 1) {
                tableKinds.forEach((name, kind) -> {
                    if (kind == k) {
                        names.add(name);
                    }
                });
            }
            outputs.add(names);
        }
        return outputs;
    }
}
