package org.benchtop.core.plate;

import java.util.List;

/**
 * One plate heatmap.
 *
 * @param plateKey the plate key values
 * @param plateName the plate name, e.g. {@code plate=1, replicate=2}
 * @param valueName what is shown: the raw value column or a method column name
 * @param png the image, PNG-encoded
 * @param width the image width in pixels
 * @param height the image height in pixels
 */
public record PlateHeatmap(List<String> plateKey, String plateName, String valueName, byte[] png, int width,
        int height) {

    /** Copies the key and the image bytes. */
    public PlateHeatmap {
        plateKey = List.copyOf(plateKey);
        png = png.clone();
    }

    /** @return the PNG bytes (a copy) */
    @Override
    public byte[] png() {
        return png.clone();
    }

    /** @return a file-name-safe name, e.g. {@code plate=1_replicate=2_b_score.png} */
    public String fileName() {
        return (plateName + "_" + valueName).replaceAll("[^A-Za-z0-9=._-]+", "_") + ".png";
    }
}
