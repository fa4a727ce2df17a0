package org.knime.core.node.port;

import javax.swing.JComponent;

/**
 * Stub of the KNIME interface of the same name. The real interface also declares the nested abstract class
 * PortObjectSpecSerializer, which is not part of this stub.
 */
public interface PortObjectSpec {

    /** @return views shown in the port view */
    public JComponent[] getViews();
}
