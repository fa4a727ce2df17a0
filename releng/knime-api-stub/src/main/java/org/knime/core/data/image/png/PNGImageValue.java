package org.knime.core.data.image.png;

import org.knime.core.data.image.ImageValue;

/**
 * Stub of the KNIME interface of the same name. The real interface also declares the UTILITY constant and the
 * nested ImageCellUtilityFactory, which are not part of this stub.
 */
public interface PNGImageValue extends ImageValue {

    @Override
    public PNGImageContent getImageContent();
}
