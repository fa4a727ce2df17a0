package org.benchtop.core.qpcr;

import java.util.ArrayList;
import java.util.List;

import org.benchtop.core.table.Column;
import org.benchtop.core.table.Table;

/**
 * Turns a long table of wells (one row per reaction) into {@link Well} records: the only place
 * where the qPCR engines meet {@link Table}.
 */
public final class QpcrTableAdapter {

    private QpcrTableAdapter() {
    }

    /**
     * Reads the wells of a table.
     *
     * @param input the table
     * @param sampleColumn the sample column (required)
     * @param groupColumn the group column, or {@code null}
     * @param targetColumn the target (gene) column (required)
     * @param cqColumn the Cq column (required; numeric, or text with "Undetermined")
     * @param wellColumn the well id column, or {@code null}
     * @param typeColumn the sample type column (unkn/std/ntc/nrt/...), or {@code null} (all unknowns,
     *     unless {@code quantityColumn} is given: then rows with a quantity are standards)
     * @param quantityColumn the standard quantity column, or {@code null}
     * @param plateColumn the plate/run column, or {@code null}
     * @param cqCutoff the non-detect cut-off in cycles
     * @return the wells in row order
     * @throws org.benchtop.core.table.TableException if a named column is absent
     * @throws QpcrException (BAD_INPUT) for missing sample/target names, bad Cq text, a standard
     *     without a positive quantity
     */
    public static List<Well> wells(Table input, String sampleColumn, String groupColumn, String targetColumn,
            String cqColumn, String wellColumn, String typeColumn, String quantityColumn, String plateColumn,
            double cqCutoff) {
        if (!(cqCutoff > 0)) {
            throw QpcrException.badInput("Cq cut-off %s must be a positive number of cycles (default 40)",
                    Double.valueOf(cqCutoff));
        }
        Column sample = input.column(sampleColumn);
        Column target = input.column(targetColumn);
        Column cq = input.column(cqColumn);
        Column group = groupColumn == null ? null : input.column(groupColumn);
        Column well = wellColumn == null ? null : input.column(wellColumn);
        Column type = typeColumn == null ? null : input.column(typeColumn);
        Column qty = quantityColumn == null ? null : input.column(quantityColumn);
        Column plate = plateColumn == null ? null : input.column(plateColumn);
        if (qty != null && !qty.isNumeric()) {
            throw QpcrException.badInput("Quantity column '%s' of %s is not numeric; give standard quantities as "
                    + "numbers (empty for non-standards)", quantityColumn, input.source());
        }
        int n = input.rowCount();
        List<Well> out = new ArrayList<>(n);
        boolean numericCq = cq.isNumeric();
        for (int i = 0; i < n; i++) {
            String where = input.locate(i);
            Cq c = numericCq ? (cq.isMissing(i) ? new Cq(Double.NaN, CqStatus.EMPTY, "")
                    : Cq.of(cq.getDouble(i), cqCutoff, where)) : Cq.parse(cq.getString(i), cqCutoff, where);
            double q = qty == null ? Double.NaN : qty.getDouble(i);
            SampleType t;
            if (type != null) {
                try {
                    t = SampleType.parse(type.getString(i));
                } catch (QpcrException e) {
                    throw QpcrException.badInput(e, "%s, column '%s': %s", where, typeColumn, e.getMessage());
                }
            } else {
                t = Double.isNaN(q) ? SampleType.UNKNOWN : SampleType.STANDARD;
            }
            if (t == SampleType.STANDARD && !(q > 0)) {
                throw QpcrException.badInput("Standard at %s (sample '%s') has no positive quantity in column '%s'; "
                        + "give the known input amount of every standard", where, sample.getString(i),
                        quantityColumn == null ? "(no quantity column set)" : quantityColumn);
            }
            if (t != SampleType.STANDARD) {
                q = Double.NaN;
            }
            out.add(new Well(well == null ? null : well.getString(i), trim(sample.getString(i)),
                    group == null ? null : trim(group.getString(i)), trim(target.getString(i)), c, t, q,
                    plate == null ? null : plate.getString(i), where));
        }
        return out;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
