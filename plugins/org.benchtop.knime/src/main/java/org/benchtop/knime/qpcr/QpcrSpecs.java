package org.benchtop.knime.qpcr;

import java.util.ArrayList;
import java.util.List;

import org.benchtop.core.table.ColumnType;
import org.benchtop.knime.util.KnimeTables;
import org.knime.core.data.DataTableSpec;

/**
 * The output table specs of the qPCR nodes, known before execution: the columns the engine facade
 * {@code org.benchtop.core.qpcr.QpcrAnalysis} writes, whatever the input's column types.
 */
public final class QpcrSpecs {

    private static final ColumnType S = ColumnType.STRING;
    private static final ColumnType D = ColumnType.DOUBLE;
    private static final ColumnType I = ColumnType.INT;
    private static final ColumnType B = ColumnType.BOOLEAN;

    /** Relative quantification results: one row per group and target. */
    public static final DataTableSpec RESULTS = spec("group", S, "target", S, "delta_cq", D, "delta_delta_cq", D,
            "error", D, "relative_expression", D, "lower", D, "upper", D);

    /** Per unknown sample and target. */
    public static final DataTableSpec SAMPLES = spec("sample", S, "group", S, "target", S, "target_cq", D,
            "reference_cq", D, "delta_cq", D, "nrq", D, "se_nrq", D);

    /** Technical replicates per sample and target. */
    public static final DataTableSpec REPLICATES = spec("sample", S, "group", S, "target", S, "type", S, "wells", I,
            "used", I, "non_detects", I, "mean_cq", D, "sd_cq", D, "high_sd", B, "excluded_wells", S);

    /** Tests of each group against the calibrator. */
    public static final DataTableSpec STATISTICS = spec("target", S, "group", S, "calibrator", S, "test", S,
            "estimate", D, "statistic", D, "df", D, "p_value", D, "lower", D, "upper", D);

    /** Standard curves per target. */
    public static final DataTableSpec CURVES = spec("target", S, "n", I, "levels", I, "slope", D, "intercept", D,
            "r_squared", D, "se_slope", D, "se_intercept", D, "amplification_factor", D, "efficiency_percent", D);

    /** Unknown wells read off the standard curves. */
    public static final DataTableSpec UNKNOWNS = spec("well", S, "sample", S, "target", S, "cq", D,
            "log10_quantity", D, "quantity", D, "extrapolated", B);

    /** geNorm M values at every exclusion step. */
    public static final DataTableSpec M_VALUES = spec("group", S, "step", I, "target", S, "m_value", D);

    /** geNorm pairwise variations. */
    public static final DataTableSpec VARIATIONS = spec("group", S, "step", I, "n_genes", I, "label", S,
            "pairwise_variation", D);

    /** geNorm ranking, most stable first. */
    public static final DataTableSpec RANKING = spec("group", S, "rank", I, "target", S);

    /** The wells of an RDML file. */
    public static final DataTableSpec RDML_WELLS = spec("well", S, "sample", S, "type", S, "quantity", D,
            "target", S, "cq", D);

    private QpcrSpecs() {
    }

    private static DataTableSpec spec(Object... nameType) {
        List<String> names = new ArrayList<>();
        List<ColumnType> types = new ArrayList<>();
        for (int i = 0; i < nameType.length; i += 2) {
            names.add((String) nameType[i]);
            types.add((ColumnType) nameType[i + 1]);
        }
        return KnimeTables.spec(names, types);
    }
}
