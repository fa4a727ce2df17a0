/**
 * Relative quantification of qPCR data: ΔΔCq, Pfaffl, multi-reference NRQ, geNorm, RDML import.
 *
 * <pre>
 * QpcrAnalysis.quantify(Table, QuantifySettings, ProgressMonitor)      benchtop qpcr quantify
 *   QpcrTableAdapter.wells          long table -&gt; Well (Cq.parse: non-detects kept as such)
 *   TechnicalReplicates.summarize   mean/SD per sample x target, SD flag, optional outlier exclusion
 *   (validation)                    calibrator present, references in every sample
 *   StandardCurve.fit               efficiencies from standard wells (Pfaffl, NRQ) unless given
 *   per target, on sample means:
 *     LivakDdcq      ddcq    separate tubes / same tube (pcr::pcr_ddct)
 *     DeltaCq        dcq     (pcr::pcr_dct)
 *     PfafflRatio    pfaffl  (Pfaffl 2001)
 *     QbaseNrq       nrq     (Hellemans 2007), then group geometric means vs calibrator
 *   WelchTTest, WilcoxonRankSum   each group vs calibrator on per-sample ΔCq (pcr::pcr_test)
 *   QpcrPlots.foldChangeChart       PNG
 * QpcrAnalysis.standardCurve   StandardCurve.fit per target, interpolation, QpcrPlots.standardCurveChart
 * QpcrAnalysis.genorm          GeNorm.compute per group (M per exclusion step, V_n/n+1, ranking)
 * QpcrAnalysis.readRdml        RdmlReader.read (secure XML, bounded zip) -&gt; RdmlData -&gt; Table
 * RelativeStandardCurve        pcr::pcr_curve (relative standard-curve method), engine only
 * </pre>
 */
package org.benchtop.core.qpcr;
