package org.knime.core.node;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.DataContainer;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped). Created by
 * {@link ExecutionContext#createDataContainer(DataTableSpec)}.
 */
public class BufferedDataContainer extends DataContainer {

    private BufferedDataTable m_result;

    BufferedDataContainer(final DataTableSpec spec, final boolean initDomain) {
        super(spec, initDomain);
    }

    /** @return the table; only after {@link #close()} */
    @Override
    public BufferedDataTable getTable() {
        if (m_result == null) {
            List<DataRow> rows = new ArrayList<>();
            for (DataRow r : super.getTable()) {
                rows.add(r);
            }
            m_result = new BufferedDataTable(getTableSpec(), rows);
        }
        return m_result;
    }
}
