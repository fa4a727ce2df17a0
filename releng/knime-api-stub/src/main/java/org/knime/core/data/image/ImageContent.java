package org.knime.core.data.image;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.io.IOException;
import java.io.OutputStream;

import org.knime.core.data.DataCell;

/** Stub of the KNIME interface of the same name (signatures only; compile and test use, never shipped). */
public interface ImageContent {

    /**
     * @param g graphics to paint into
     * @param maxWidth maximum width
     * @param maxHeight maximum height
     */
    public void paint(final Graphics2D g, final int maxWidth, final int maxHeight);

    /** @return preferred size */
    public Dimension getPreferredSize();

    /** @return a cell holding this image */
    public DataCell toImageCell();

    /**
     * @param out stream to write to
     * @throws IOException if writing fails
     */
    public void save(final OutputStream out) throws IOException;

    /** @return short summary */
    public String getSummary();
}
