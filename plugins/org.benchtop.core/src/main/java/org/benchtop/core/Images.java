package org.benchtop.core;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;

/** PNG helpers shared by the analyses' plots. */
public final class Images {

    private Images() {
    }

    /**
     * Lays PNG images out on a grid, scaled to a common tile size, for an overview of many plots (a
     * KNIME image port holds a single image).
     *
     * @param pngs the images, in order; only the first {@code maxImages} are drawn
     * @param maxImages the most images to draw (≥ 1)
     * @param columns tiles per row (≥ 1)
     * @param tileWidth the width of one tile in pixels; heights keep each image's aspect ratio
     * @return the mosaic as PNG; a 1×1 white image when {@code pngs} is empty
     */
    public static byte[] mosaic(List<byte[]> pngs, int maxImages, int columns, int tileWidth) {
        int n = Math.min(pngs.size(), Math.max(1, maxImages));
        if (n == 0) {
            return png(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
        }
        BufferedImage[] images = new BufferedImage[n];
        int tileHeight = 1;
        for (int i = 0; i < n; i++) {
            images[i] = read(pngs.get(i));
            tileHeight = Math.max(tileHeight, (int) Math.round(images[i].getHeight() * (double) tileWidth / images[i].getWidth()));
        }
        int cols = Math.min(columns, n);
        int rows = (n + cols - 1) / cols;
        BufferedImage out = new BufferedImage(cols * tileWidth, rows * tileHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            for (int i = 0; i < n; i++) {
                int h = (int) Math.round(images[i].getHeight() * (double) tileWidth / images[i].getWidth());
                g.drawImage(images[i], (i % cols) * tileWidth, (i / cols) * tileHeight, tileWidth, h, null);
            }
        } finally {
            g.dispose();
        }
        return png(out);
    }

    /**
     * @param png PNG bytes
     * @return the decoded image
     */
    public static BufferedImage read(byte[] png) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            if (img == null) {
                throw new IllegalArgumentException("not a PNG image");
            }
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param image an image
     * @return it encoded as PNG
     */
    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
