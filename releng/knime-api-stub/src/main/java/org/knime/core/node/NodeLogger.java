package org.knime.core.node;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped). Forwards to java.util.logging.
 * The real class also has Supplier-based overloads, the LEVEL enum and appender constants, which are not part of
 * this stub.
 */
public final class NodeLogger {

    private final Logger m_logger;

    private NodeLogger(final String name) {
        m_logger = Logger.getLogger(name);
    }

    /**
     * @param c class whose name names the logger
     * @return a logger
     */
    public static NodeLogger getLogger(final Class<?> c) {
        return getLogger(c.getName());
    }

    /**
     * @param s logger name
     * @return a logger
     */
    public static NodeLogger getLogger(final String s) {
        return new NodeLogger(s);
    }

    private void log(final Level level, final Object o, final Throwable t) {
        if (m_logger.isLoggable(level)) {
            m_logger.log(level, String.valueOf(o), t);
        }
    }

    /** @param o message */
    public void warn(final Object o) {
        log(Level.WARNING, o, null);
    }

    /** @param o message */
    public void debug(final Object o) {
        log(Level.FINE, o, null);
    }

    /** @param o message */
    public void info(final Object o) {
        log(Level.INFO, o, null);
    }

    /** @param o message */
    public void error(final Object o) {
        log(Level.SEVERE, o, null);
    }

    /** @param o message */
    public void fatal(final Object o) {
        log(Level.SEVERE, o, null);
    }

    /**
     * @param o message
     * @param t cause
     */
    public void warn(final Object o, final Throwable t) {
        log(Level.WARNING, o, t);
    }

    /**
     * @param o message
     * @param t cause
     */
    public void debug(final Object o, final Throwable t) {
        log(Level.FINE, o, t);
    }

    /**
     * @param o message
     * @param t cause
     */
    public void info(final Object o, final Throwable t) {
        log(Level.INFO, o, t);
    }

    /**
     * @param o message
     * @param t cause
     */
    public void error(final Object o, final Throwable t) {
        log(Level.SEVERE, o, t);
    }

    /**
     * @param o message
     * @param t cause
     */
    public void fatal(final Object o, final Throwable t) {
        log(Level.SEVERE, o, t);
    }

    /**
     * @param b condition
     * @param m message logged if the condition is false
     */
    public void assertLog(final boolean b, final String m) {
        if (!b) {
            log(Level.SEVERE, "ASSERT " + m, new AssertionError(m));
        }
    }

    /** @param o message, logged as coding problem */
    public void coding(final Object o) {
        log(Level.SEVERE, "CODING PROBLEM\t" + o, null);
    }

    /**
     * @param o message, logged as coding problem
     * @param t cause
     */
    public void coding(final Object o, final Throwable t) {
        log(Level.SEVERE, "CODING PROBLEM\t" + o, t);
    }

    /**
     * @param format format string
     * @param args arguments
     */
    public void warnWithFormat(final String format, final Object... args) {
        if (m_logger.isLoggable(Level.WARNING)) {
            log(Level.WARNING, String.format(format, args), null);
        }
    }

    /**
     * @param format format string
     * @param args arguments
     */
    public void debugWithFormat(final String format, final Object... args) {
        if (m_logger.isLoggable(Level.FINE)) {
            log(Level.FINE, String.format(format, args), null);
        }
    }

    /**
     * @param format format string
     * @param args arguments
     */
    public void infoWithFormat(final String format, final Object... args) {
        if (m_logger.isLoggable(Level.INFO)) {
            log(Level.INFO, String.format(format, args), null);
        }
    }
}
