package org.knime.core.node.port.image;

import javax.swing.JComponent;

import org.knime.core.data.DataType;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped). The real class extends
 * AbstractSimplePortObjectSpec (not part of this stub), which implements PortObjectSpec.
 */
public final class ImagePortObjectSpec implements PortObjectSpec {

    private DataType m_type;

    /** @param type type of the image cell */
    public ImagePortObjectSpec(final DataType type) {
        if (type == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        m_type = type;
    }

    /** Framework constructor. <b>Do not use!</b> */
    public ImagePortObjectSpec() {
        // as in KNIME
    }

    /** @return the type of the image cell */
    public DataType getDataType() {
        return m_type;
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }
}
