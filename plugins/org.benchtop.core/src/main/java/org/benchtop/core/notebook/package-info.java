/**
 * Provenance of analysis runs ({@link org.benchtop.core.notebook.RunRecord}) and the lab-notebook
 * entry that gathers them for export.
 *
 * <p>Call tree of an export:
 *
 * <pre>
 * RunFolder.collect(dir)                 run records (*.run.json) + output tables + PNG/SVG plots of a folder
 *   or NotebookEntry.builder()           title, author (ORCID, e-mail), project, notes, runs, tables, plots
 * NotebookEntry.Builder.build()          names checked (no escaping the folder), outputs resolved
 * ElnWriter.write(entry, file, overwrite)
 *   HtmlReport.render(entry)             self-contained report, stored in the archive as report.html
 *   AtomicFiles.write                    temporary file in the target folder, flushed, then moved/linked
 * HtmlReport.write(entry, file, overwrite)
 * ElnVerifier.verify(file)               ElnReader.read: bounded, hostile-safe zip reading + metadata
 *                                        then every hasPart File: present, contentSize, sha256
 * ElnReader.readEntry(file)              the entry back, every file checked against its sha256
 * </pre>
 *
 * <p>The {@code .eln} format is the ELN Consortium's (TheELNConsortium/TheELNFileFormat,
 * SPECIFICATION.md): a zip holding one folder with an RO-Crate 1.1 {@code ro-crate-metadata.json}
 * (https://w3id.org/ro/crate/1.1). Analyses are described as in the RO-Crate Process Run Crate
 * profile: a {@code CreateAction} with {@code instrument}, {@code object} (inputs and parameter
 * {@code PropertyValue}s) and {@code result}. Beyond the specification, the archive follows what the
 * import code of eLabFTW, Kadi4Mat, SampleDB and PASTA reads (portable stored names with the entry's
 * names in {@code alternateName}, no folder entries in the zip, {@code genre}, notes and project as
 * {@code PropertyValue}s, a license): see {@link org.benchtop.core.notebook.ElnWriter} and the test
 * {@code ElnImporterRequirementsTest}, one method per importer.
 *
 * <p><b>Why Jackson and not an RO-Crate library.</b> The metadata is written and read with
 * Jackson's tree model ({@code jackson-databind}, already a dependency of this bundle). The one
 * maintained Java RO-Crate library on Maven Central, {@code edu.kit.datamanager:ro-crate-java}
 * (1.1.0 there), is not an OSGi bundle and pulls in Apache HttpClient, zip4j, Titanium JSON-LD,
 * a JSON schema validator, Jakarta JSON, commons-validator and an SLF4J binding: none of these are
 * in the target platform, several are not OSGi bundles, and the KNIME feature would have to ship
 * them all for what is, here, writing and reading one JSON document. It also expects the
 * metadata at the top of a zip, whereas an {@code .eln} archive holds it one folder down. So the
 * core stays with Jackson, and ro-crate-java is used where it costs nothing at run time: as a
 * test-scoped dependency of the plain-Maven command-line module, whose tests read the archives
 * written here back with it ({@code cli/src/test/java/org/benchtop/cli/ElnRoCrateJavaTest.java}).
 */
package org.benchtop.core.notebook;
