/**
 * A small typed columnar table ({@link org.benchtop.core.table.Table}) and CSV/TSV input and output
 * on Commons CSV: the common currency between the engines, the KNIME node layer and the command line.
 */
package org.benchtop.core.table;
