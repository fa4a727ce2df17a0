/**
 * RNA-seq differential expression, step for step as DESeq2 1.38.3 (Love, Huber and Anders 2014,
 * Genome Biology 15:550, doi:10.1186/s13059-014-0550-8), plus edgeR's TMM normalization.
 *
 * <pre>
 * DeseqAnalysis.run(counts table, sample sheet, settings)        benchtop rnaseq deseq
 *   CountMatrix, SampleSheet, DesignFormula, DesignMatrix          DESeqDataSetFromMatrix, model.matrix
 *   Deseq.run(counts, design[, reduced])                           DESeq()
 *     SizeFactors.estimate                                           estimateSizeFactors (ratio | poscounts | given)
 *     GenewiseDispersion.estimate                                    estimateDispersionsGeneEst
 *       DispersionLikelihood.fitDisp / fitDispGrid                     fitDisp, fitDispGrid (C++)
 *       NegativeBinomialGlm (means when the design is not a one-way layout)
 *     DispersionTrend.fit                                            estimateDispersionsFit
 *       GammaIdentityGlm                                               parametricDispersionFit: glm(Gamma("identity"))
 *       stats.Locfit (local, and when the parametric fit fails)        localDispersionFit: locfit
 *     DispersionPrior.estimate                                       estimateDispersionsPriorVar
 *     MapDispersion.estimate                                         estimateDispersionsMAP
 *     NegativeBinomialGlm.fit (full; reduced for the LRT)            nbinomWaldTest / nbinomLRT: fitNbinomGLMs
 *       irls (fitBeta, C++), Lbfgsb (R's optim L-BFGS-B)               fitBeta, fitNbinomGLMsOptim
 *     CooksDistance.compute                                          calculateCooksDistance, recordMaxCooks
 *     OutlierReplacement.refit (>= 7 replicates per cell)            replaceOutliers, refitWithoutOutliers
 *   Deseq.Fit.results(contrast)                                    results()
 *     WaldTest.coefficient / numeric                                 cleanContrast, getContrast
 *     (LRT statistic and chi-square p-value)                         nbinomLRT
 *     Cook's filter                                                  maxCooks > qf(0.99, p, m - p)
 *     IndependentFiltering.apply                                     pvalueAdjustment: filtered_p, lowess, p.adjust BH
 *   LfcShrinkage.normal                                            lfcShrink(type = "normal")
 *   VarianceStabilizingTransformation                              vst(blind = TRUE | FALSE)
 * TmmNormalization.estimate                                      edgeR calcNormFactors (TMM | RLE | upperquartile), cpm
 * </pre>
 *
 * Every step is an immutable object created by {@code withDefaults()} and configured by
 * {@code with...} copies; its {@code Result} is immutable and passed to the next step (there is
 * no mutable data-set object). Counts are one flat row-major {@code double[]}; per-gene
 * intermediate matrices (fitted means, hat values, Cook's distances) are recomputed from
 * per-gene coefficients when needed instead of being stored, so memory stays linear in genes x
 * samples. Per-gene work runs on a fixed number of threads and gives identical numbers for any
 * thread count. Numerics that DESeq2 takes from R (lgamma, mean, median, quantile, lowess,
 * p.adjust, dnbinom, glm.fit, optim) are reproduced in {@code RMath},
 * {@code GammaIdentityGlm} and {@code Lbfgsb}.
 * Bad input raises {@link org.benchtop.core.rnaseq.RnaseqException} (BAD_INPUT) naming the gene,
 * sample, column or level.
 */
package org.benchtop.core.rnaseq;
