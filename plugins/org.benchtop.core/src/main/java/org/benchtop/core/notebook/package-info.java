/**
 * Provenance of analysis runs ({@link org.benchtop.core.notebook.RunRecord}) and the lab-notebook
 * entry that gathers them for export.
 */
package org.benchtop.core.notebook;
