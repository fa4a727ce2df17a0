package org.knime.core.data.image.png;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.image.ImageContent;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped). As in KNIME, the byte[]
 * constructor rejects bytes that ImageIO can't read as an image.
 */
public class PNGImageContent implements ImageContent {

    /** Type of PNG cells. */
    public static final DataType TYPE = DataType.getType(PNGImageCell.class);

    private byte[] m_imageBytes;

    /** Framework constructor. <b>Do not use!</b> */
    public PNGImageContent() {
        // as in KNIME
    }

    /** @param imageBytes PNG bytes (kept by reference) */
    public PNGImageContent(final byte[] imageBytes) {
        if (imageBytes == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        readImage(imageBytes);
        m_imageBytes = imageBytes;
    }

    /**
     * Reads the stream to its end (does not close it).
     *
     * @param is stream of PNG bytes
     * @throws IOException if reading fails
     */
    public PNGImageContent(final InputStream is) throws IOException {
        this(is.readAllBytes());
    }

    private static BufferedImage readImage(final byte[] bytes) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            if (img == null) {
                throw new IllegalArgumentException("ImageIO returned null while reading image bytes");
            }
            return img;
        } catch (IOException e) {
            throw new IllegalArgumentException("Image can't be read", e);
        }
    }

    /** @return the underlying array (do not modify) */
    public byte[] getByteArrayReference() {
        return m_imageBytes;
    }

    /** @return a copy of the PNG bytes */
    public byte[] getByteArray() {
        return Arrays.copyOf(m_imageBytes, m_imageBytes.length);
    }

    /** @return the decoded image */
    public Image getImage() {
        try {
            return readImage(m_imageBytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Image can't be re-read", e);
        }
    }

    @Override
    public void paint(final Graphics2D g, final int width, final int height) {
        BufferedImage img = readImage(m_imageBytes);
        double scale = Math.min(1.0, Math.min(width / (double)img.getWidth(), height / (double)img.getHeight()));
        g.drawImage(img, 0, 0, (int)(img.getWidth() * scale), (int)(img.getHeight() * scale), null);
    }

    @Override
    public void save(final OutputStream output) throws IOException {
        output.write(m_imageBytes);
    }

    @Override
    public DataCell toImageCell() {
        return new PNGImageCell(this);
    }

    @Override
    public Dimension getPreferredSize() {
        try {
            BufferedImage img = readImage(m_imageBytes);
            return new Dimension(img.getWidth(), img.getHeight());
        } catch (IllegalArgumentException e) {
            return new Dimension(16, 16);
        }
    }

    @Override
    public String getSummary() {
        Dimension d = getPreferredSize();
        String s = "PNG Image " + d.width + " x " + d.height + " with ";
        return m_imageBytes.length < 1000 ? s + m_imageBytes.length + " B" : s + (m_imageBytes.length / 1024) + " KB";
    }
}
