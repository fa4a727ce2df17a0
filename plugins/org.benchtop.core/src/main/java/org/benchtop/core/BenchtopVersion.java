package org.benchtop.core;

/** The Benchtop release these engines belong to. */
public final class BenchtopVersion {
    private BenchtopVersion() {
    }

    /** @return the version string, e.g. {@code 0.1.0} */
    public static String get() {
        return "0.1.0";
    }
}
