package org.knime.core.node.config.base;

/**
 * Stub of the KNIME enum of the same name: the entry types of the XML config format (the value of the
 * {@code type} attribute of an {@code <entry>} element, or {@code config} for a sub-config).
 */
public enum ConfigEntries {
    /** String entry. */
    xstring,
    /** int entry. */
    xint,
    /** double entry. */
    xdouble,
    /** float entry. */
    xfloat,
    /** long entry. */
    xlong,
    /** short entry. */
    xshort,
    /** byte entry. */
    xbyte,
    /** char entry. */
    xchar,
    /** boolean entry. */
    xboolean,
    /** sub config. */
    config,
    /** encrypted password entry. */
    xpassword,
    /** transient string, never written to XML. */
    xtransientstring;
}
