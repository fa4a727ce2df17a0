package org.knime.core.data.image;

import org.knime.core.data.DataValue;

/** Stub of the KNIME interface of the same name (signatures only; compile and test use, never shipped). */
public interface ImageValue extends DataValue {

    /** @return the image content */
    public ImageContent getImageContent();

    /** @return the file extension of the image format */
    public String getImageExtension();
}
