package org.benchtop.knime.util;

import java.util.List;

import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.table.Table;

/**
 * What a Benchtop node's analysis produced, port by port, before it is turned into KNIME port objects.
 *
 * @param ports one entry per output port, in port order
 * @param warnings warnings for the node's warning message (may be empty)
 * @param record the run record pushed as flow variable {@code benchtop.run.<node>}
 */
public record NodeOutput(List<Port> ports, List<String> warnings, RunRecord record) {

    /** The content of one output port. */
    public sealed interface Port permits TablePort, ImagePort, ImageTablePort {
    }

    /**
     * A data table.
     *
     * @param table the table
     * @param keepInputRowKeys whether its rows correspond one to one to the rows of input table 0,
     *        whose row keys are then reused
     */
    public record TablePort(Table table, boolean keepInputRowKeys) implements Port {
    }

    /**
     * One PNG image for an image port.
     *
     * @param png the PNG bytes
     */
    public record ImagePort(byte[] png) implements Port {
    }

    /**
     * A table of PNG images, one row per item (plate, curve, ...), with a label column.
     *
     * @param labelColumn the label column's name
     * @param labels one label per image
     * @param pngs the PNG images
     */
    public record ImageTablePort(String labelColumn, List<String> labels, List<byte[]> pngs) implements Port {
    }
}
