package org.benchtop.core.doseresponse;

import java.util.Locale;

import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.table.Table;

/**
 * Run records of the dose-response analysis, so that the command line ({@code benchtop
 * dose-response fit}) and the "Dose-Response Fitter" node record the same parameters under the same
 * names: the command-line option names.
 */
public final class DoseResponseRuns {

    /** Analysis id of dose-response fitting. */
    public static final String FIT = "dose_response.fit";

    private DoseResponseRuns() {
    }

    /**
     * Starts a run record with every setting as a parameter ({@code dose, response, group, model, fix,
     * lower, upper, se, robust, ed, comparisons, ratios, plots}, as the CLI options) and the input's
     * digest.
     *
     * @param input the input table
     * @param s the settings
     * @return a started builder; add warnings and call {@code finish().build()}
     */
    public static RunRecord.Builder start(Table input, DoseResponseSettings s) {
        return RunRecord.builder(FIT).start()
                .parameter("dose", s.dose())
                .parameter("response", s.response())
                .parameter("group", String.join(",", s.group()))
                .parameter("model", s.model().label())
                .parameter("fix", DoseResponseSettings.formatAssignments(s.fix()))
                .parameter("lower", DoseResponseSettings.formatAssignments(s.lower()))
                .parameter("upper", DoseResponseSettings.formatAssignments(s.upper()))
                .parameter("se", s.se().name().toLowerCase(Locale.ROOT))
                .parameter("robust", s.robust())
                .parameter("ed", DoseResponseSettings.formatLevels(s.ed()))
                .parameter("comparisons", s.compare())
                .parameter("ratios", s.ratios())
                .parameter("plots", s.plots())
                .input("input", input);
    }
}
