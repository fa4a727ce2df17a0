package org.benchtop.core.qpcr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engines against the numbers printed in the pcr 1.2.2 vignette and ABI User Bulletin #2 /
 * Livak &amp; Schmittgen 2001 ({@code documented_values.csv}), to their printed precision: one unit
 * of the last printed digit (the sources round or truncate), plus 1e-12. The StepOne efficiency is
 * checked in {@link RdmlReaderTest}, the geNorm values in {@link GeNormVandesompeleTest}.
 */
class QpcrDocumentedValuesTest {

    static final String[] G12 = QpcrReferenceTest.G12;
    static final String[] G4 = QpcrReferenceTest.G4;

    static Stream<Arguments> rows() {
        List<String[]> rows = RefData.csv("documented_values.csv");
        return rows.subList(1, rows.size()).stream()
                .filter(r -> !r[1].equals("geNorm") && !r[1].equals("stepone_std"))
                .map(r -> Arguments.of(r[1], r[2], r[3], r[4], r[5], r[6], r[0]));
    }

    /** One unit of the last printed digit of a number written as text. */
    static double printedUnit(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        int e = 0;
        int ei = t.indexOf('e');
        if (ei >= 0) {
            e = Integer.parseInt(t.substring(ei + 1));
            t = t.substring(0, ei);
        }
        int dot = t.indexOf('.');
        int decimals = dot < 0 ? 0 : t.length() - dot - 1;
        return Math.pow(10, e - decimals);
    }

    @ParameterizedTest(name = "{0} {1} {2} {4} = {5}")
    @MethodSource("rows")
    void matchesPrintedValue(String dataset, String method, String group, String gene, String quantity,
            String documented, String source) {
        double ours = ours(dataset, method, group, gene, quantity);
        double tol = printedUnit(documented) + 1e-12;
        assertEquals(Double.parseDouble(documented), ours, tol, source);
    }

    static double ours(String dataset, String method, String group, String gene, String quantity) {
        switch (dataset) {
            case "ct1":
            case "ct2": {
                Map<String, double[]> d = RefData.columns("pcr_" + dataset + ".csv");
                if (method.startsWith("relative_curve")) {
                    Map<String, double[]> ct3 = RefData.columns("pcr_ct3.csv");
                    double[] a = QpcrReferenceTest.amounts(QpcrReferenceTest.AMT7, 3);
                    StandardCurve.Result cm = StandardCurve.withDefaults().fit("c_myc", a, ct3.get("c_myc"));
                    StandardCurve.Result gp = StandardCurve.withDefaults().fit("GAPDH", a, ct3.get("GAPDH"));
                    LivakDdcq.Mode mode = method.endsWith("same_tube") ? LivakDdcq.Mode.SAME_TUBE
                            : LivakDdcq.Mode.SEPARATE_TUBES;
                    RelativeStandardCurve.Row r = RelativeStandardCurve.of(mode)
                            .compute("c_myc", G12, d.get("c_myc"), d.get("GAPDH"), cm, gp, "brain").row(group);
                    return switch (quantity) {
                        case "normalized" -> r.normalized();
                        case "calibrated" -> r.calibrated();
                        case "error" -> r.error();
                        default -> throw new IllegalArgumentException(quantity);
                    };
                }
                LivakDdcq.Mode mode = method.endsWith("same_tube") ? LivakDdcq.Mode.SAME_TUBE
                        : LivakDdcq.Mode.SEPARATE_TUBES;
                RelativeQuantity r = LivakDdcq.of(mode).compute("c_myc", "GAPDH", G12, d.get("c_myc"),
                        d.get("GAPDH"), "brain").row(group);
                return quantity(r, quantity);
            }
            case "ct1 (GAPDH)": {
                Map<String, double[]> d = RefData.columns("pcr_ct1.csv");
                return quantity(DeltaCq.withDefaults().compute("GAPDH", G12, d.get("GAPDH"), "brain").row(group),
                        quantity);
            }
            case "ct3": {
                Map<String, double[]> ct3 = RefData.columns("pcr_ct3.csv");
                double[] a = QpcrReferenceTest.amounts(QpcrReferenceTest.AMT7, 3);
                double[] y = ct3.get(gene);
                if (method.startsWith("efficiency")) {
                    y = new double[21];
                    for (int i = 0; i < 21; i++) {
                        y[i] = ct3.get("c_myc")[i] - ct3.get("GAPDH")[i];
                    }
                }
                StandardCurve.Result c = StandardCurve.withDefaults().fit(gene, a, y);
                return switch (quantity) {
                    case "intercept" -> c.intercept();
                    case "slope" -> c.slope();
                    case "r_squared" -> c.rSquared();
                    default -> throw new IllegalArgumentException(quantity);
                };
            }
            case "ct4": {
                double[][] tc = QpcrReferenceTest.dctByGroup();
                if (method.startsWith("Welch") || method.startsWith("lm") || method.startsWith("multiple")) {
                    WelchTTest.Result r = WelchTTest.withDefaults().withEqualVariances(!method.startsWith("Welch"))
                            .test(tc[0], tc[1]);
                    return switch (quantity) {
                        case "estimate", "ddCt" -> r.estimate();
                        case "p_value" -> r.pValue();
                        case "lower" -> r.lower();
                        case "upper" -> r.upper();
                        default -> throw new IllegalArgumentException(quantity);
                    };
                }
                WilcoxonRankSum.Result w = WilcoxonRankSum.withDefaults().test(tc[0], tc[1]);
                return switch (quantity) {
                    case "estimate" -> w.estimate();
                    case "p_value" -> w.pValue();
                    case "lower" -> w.lower();
                    case "upper" -> w.upper();
                    default -> throw new IllegalArgumentException(quantity);
                };
            }
            default:
                throw new IllegalArgumentException(dataset);
        }
    }

    static double quantity(RelativeQuantity r, String q) {
        return switch (q) {
            case "normalized", "mean_dCt" -> r.deltaCq();
            case "calibrated", "ddCt" -> r.deltaDeltaCq();
            case "relative_expression", "fold", "fold_change" -> r.relativeExpression();
            case "error", "sd_dCt" -> r.error();
            case "lower", "fold_low" -> r.lower();
            case "upper", "fold_high" -> r.upper();
            default -> throw new IllegalArgumentException(q);
        };
    }
}
