package org.knime.core.node.port;

import javax.swing.JComponent;

/**
 * Stub of the KNIME interface of the same name. The real interface also declares the nested abstract class
 * PortObjectSerializer, which is not part of this stub.
 */
public interface PortObject {

    /** @return short summary (tooltip) */
    String getSummary();

    /** @return the spec of this object */
    PortObjectSpec getSpec();

    /** @return views shown in the port view */
    public JComponent[] getViews();
}
