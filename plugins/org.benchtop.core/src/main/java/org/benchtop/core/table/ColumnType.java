package org.benchtop.core.table;

/**
 * The value type of a {@link Column}. The CSV reader infers the narrowest type that holds every
 * non-missing value of a column, in the order {@link #BOOLEAN}, {@link #INT}, {@link #LONG},
 * {@link #DOUBLE}, {@link #STRING}.
 */
public enum ColumnType {
    /** 64-bit IEEE 754 floating point; NaN marks a missing value. */
    DOUBLE,
    /** 32-bit signed integer, with a separate missing mask. */
    INT,
    /** 64-bit signed integer, with a separate missing mask. */
    LONG,
    /** Text; {@code null} marks a missing value. */
    STRING,
    /** {@code true}/{@code false}, with a separate missing mask. */
    BOOLEAN
}
