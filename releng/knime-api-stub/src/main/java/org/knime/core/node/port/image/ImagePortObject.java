package org.knime.core.node.port.image;

import javax.swing.JComponent;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.image.ImageContent;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped). The real class extends
 * AbstractPortObject (not part of this stub), which implements PortObject.
 */
public class ImagePortObject implements PortObject {

    /** Port type. */
    @SuppressWarnings("deprecation")
    public static final PortType TYPE = new PortType(ImagePortObject.class);

    /** Optional port type. */
    @SuppressWarnings("deprecation")
    public static final PortType TYPE_OPTIONAL = new PortType(ImagePortObject.class, true);

    private ImageContent m_content;

    private ImagePortObjectSpec m_spec;

    /** Framework constructor. <b>Do not use!</b> */
    public ImagePortObject() {
        // as in KNIME
    }

    /**
     * @param content the image
     * @param spec the spec; its data type must be a super type of the content's cell type
     */
    public ImagePortObject(final ImageContent content, final ImagePortObjectSpec spec) {
        if (spec == null || content == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        m_content = content;
        m_spec = spec;
    }

    /** @return a cell with the image, or a missing cell if the spec's type does not fit */
    public DataCell toDataCell() {
        DataCell result = m_content.toImageCell();
        return m_spec.getDataType().isASuperTypeOf(result.getType()) ? result : DataType.getMissingCell();
    }

    @Override
    public String getSummary() {
        return m_content.getSummary();
    }

    @Override
    public ImagePortObjectSpec getSpec() {
        return m_spec;
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }
}
