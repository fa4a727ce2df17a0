package org.benchtop.core.qpcr;

import java.util.Locale;

/**
 * The role of a sample on a qPCR plate, with the RDML codes ({@code unkn}, {@code std},
 * {@code ntc}, {@code nac}, {@code ntp}, {@code nrt}, {@code pos}, {@code opt}).
 */
public enum SampleType {
    /** An unknown sample to be quantified ({@code unkn}). */
    UNKNOWN("unkn"),
    /** A standard of known quantity, part of a dilution series ({@code std}). */
    STANDARD("std"),
    /** No-template control ({@code ntc}). */
    NTC("ntc"),
    /** No-amplification control ({@code nac}). */
    NAC("nac"),
    /** No-template-in-PCR control ({@code ntp}). */
    NTP("ntp"),
    /** No-reverse-transcription control ({@code nrt}). */
    NRT("nrt"),
    /** Positive control ({@code pos}). */
    POSITIVE("pos"),
    /** Optical calibrator ({@code opt}). */
    OPTICAL("opt");

    private final String code;

    SampleType(String code) {
        this.code = code;
    }

    /** @return the RDML code, e.g. {@code unkn} */
    public String code() {
        return code;
    }

    /** @return whether wells of this type are controls that never enter quantification */
    public boolean isControl() {
        return this != UNKNOWN && this != STANDARD;
    }

    /**
     * Parses an RDML code or a common spelling ({@code unknown}, {@code standard}, {@code NTC},
     * {@code NRT}, {@code RT-}, case-insensitive). A missing or empty text means
     * {@link #UNKNOWN}.
     *
     * @param text the text
     * @return the type
     * @throws QpcrException (BAD_INPUT) if the text is not a known sample type
     */
    public static SampleType parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "unkn":
            case "unknown":
            case "sample":
                return UNKNOWN;
            case "std":
            case "standard":
                return STANDARD;
            case "ntc":
            case "no template control":
                return NTC;
            case "nac":
                return NAC;
            case "ntp":
                return NTP;
            case "nrt":
            case "rt-":
            case "no rt":
                return NRT;
            case "pos":
            case "positive":
                return POSITIVE;
            case "opt":
                return OPTICAL;
            default:
                throw QpcrException.badInput("Unknown sample type '%s'; use one of unkn, std, ntc, nac, ntp, nrt, "
                        + "pos, opt (or unknown, standard)", text);
        }
    }
}
