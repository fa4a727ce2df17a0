package org.benchtop.core.rnaseq;

import java.util.Locale;

/**
 * Settings of {@link TmmAnalysis}; names as the options of {@code benchtop rnaseq tmm}.
 *
 * @param method {@code tmm} (default), {@code rle} or {@code upperquartile}
 * @param geneColumn gene id column of the count table (null: the first column)
 * @param priorCount average prior count for logCPM (edgeR default 2)
 */
public record TmmSettings(String method, String geneColumn, double priorCount) {

    /** Validates. */
    public TmmSettings {
        method = method == null ? "tmm" : method.toLowerCase(Locale.ROOT);
        if (!method.equals("tmm") && !method.equals("rle") && !method.equals("upperquartile")) {
            throw RnaseqException.badInput("Unknown normalization method '%s'; use tmm, rle or upperquartile.", method);
        }
        if (!(priorCount >= 0)) {
            throw RnaseqException.badInput("The prior count must be >= 0, not %s.", Double.toString(priorCount));
        }
    }

    /** @return edgeR's defaults (TMM, prior count 2) */
    public static TmmSettings defaults() {
        return new TmmSettings("tmm", null, 2);
    }

    TmmNormalization.Method engineMethod() {
        return switch (method) {
            case "rle" -> TmmNormalization.Method.RLE;
            case "upperquartile" -> TmmNormalization.Method.UPPER_QUARTILE;
            default -> TmmNormalization.Method.TMM;
        };
    }
}
