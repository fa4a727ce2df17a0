/**
 * Microtiter plate normalization (percent of control, percent inhibition, z, robust z, B-score,
 * plate median ratio), plate QC (Z', SSMD, S/B, CV, edge-effect test, median-polish row/column
 * effects), screen-level pooled control QC and plate heatmaps, for 6- to 1536-well plates.
 *
 * <p>Call tree (the CLI {@code benchtop plates normalize|qc} and the KNIME nodes call the facade):
 * <pre>
 * PlateAnalysis.normalize | qc | run | heatmaps      (Table in, Tables/PNGs out; PlateSettings)
 *   PlateTableAdapter.read                          checks the input, groups rows into PlateData
 *   PlateEngine.analyzeAll                          in parallel over plates, results in input order
 *     PlateEngine.analyze                           per plate:
 *       GroupStatistics (neg, pos, sample)          mean, SD, median, MAD, CV% of the used wells
 *       ControlSeparation                           Z', robust Z', SSMD, robust SSMD, S/B
 *       MedianPolish.fit                            R medpolish on the used sample wells
 *       EdgeEffectTest.ofPlate                      outer ring vs interior: Wilcoxon, Welch
 *     PlateResult.normalized                        the NormalizationMethods, from the statistics
 *   ScreenQc                                        pooled control QC per group of plates
 *   PlateHeatmapRenderer.renderAll                  one PNG per plate, common colour scale
 * </pre>
 * Numerics shared with other analyses (median by selection, MAD, R-style mean and SD) are in
 * {@code org.benchtop.core.stats}. Reference: Boutros, Brás &amp; Huber 2006, Genome Biol 7:R66
 * (cellHTS), doi:10.1186/gb-2006-7-7-r66; Brideau et al. 2003, doi:10.1177/1087057103258285;
 * Malo et al. 2006, doi:10.1038/nbt1186.
 */
package org.benchtop.core.plate;
