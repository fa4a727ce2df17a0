package org.benchtop.core.qpcr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** The charts render as PNG of the requested size (the images were also inspected by eye). */
class QpcrPlotsTest {

    @Test
    void foldChangeChartIsAPng() throws IOException {
        List<RelativeQuantity> rows = new ArrayList<>();
        String[] targets = {"CDKN1A", "BBC3", "MDM2", "GDF15"};
        double[] ddcq = {-3.1, -1.6, -2.2, -4.3};
        for (int t = 0; t < targets.length; t++) {
            rows.add(RelativeQuantity.fromCycles("DMSO", targets[t], 3, 5, 0, 0.15));
            rows.add(RelativeQuantity.fromCycles("nutlin 1 uM", targets[t], 3, 5 + ddcq[t] / 2, ddcq[t] / 2, 0.2));
            rows.add(RelativeQuantity.fromCycles("nutlin 10 uM", targets[t], 3, 5 + ddcq[t], ddcq[t], 0.3));
        }
        rows.add(RelativeQuantity.fromCycles("nutlin 10 uM", "ACTB2", 3, 5, 0.6, 0.25));
        byte[] png = QpcrPlots.foldChangeChart("Relative expression (2^-ΔΔCq, reference GAPDH+ACTB)", rows, "DMSO",
                900, 540);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(900, img.getWidth());
        assertEquals(540, img.getHeight());
        Files.write(Path.of(System.getProperty("java.io.tmpdir"), "benchtop-qpcr-fold-change.png"), png);
        assertThrows(QpcrException.class, () -> QpcrPlots.foldChangeChart("x", rows, "DMSO", 10, 10));
    }
}
