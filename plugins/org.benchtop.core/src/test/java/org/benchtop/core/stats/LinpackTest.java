package org.benchtop.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

/**
 * {@link Linpack}'s QR and SVD checked against commons-math3 (an independent implementation) on
 * random matrices, including nearly singular ones: singular values to 1e-12 relative to the
 * largest, U diag(s) V' reproducing the matrix, Q'y preserving the norm. (Bit-identity with R's
 * LINPACK is checked through {@link LoessTest}.)
 */
class LinpackTest {

    @Test
    void svdMatchesCommonsMath() {
        Random rnd = new Random(1);
        for (int t = 0; t < 500; t++) {
            int k = 1 + t % 3;
            double[] a = new double[k * k];
            for (int i = 0; i < k; i++) {
                for (int j = i; j < k; j++) {
                    a[i + j * k] = rnd.nextGaussian() * (t % 5 == 0 && i == k - 1 ? 1e-9 : 1);
                }
            }
            double[][] m = new double[k][k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    m[i][j] = a[i + j * k];
                }
            }
            double[] s = new double[k];
            double[] e = new double[k];
            double[] u = new double[k * k];
            double[] v = new double[k * k];
            assertEquals(0, Linpack.svdc(a.clone(), k, k, k, s, e, u, k, v, k, new double[k]));
            double[] ref = new SingularValueDecomposition(new Array2DRowRealMatrix(m)).getSingularValues();
            for (int i = 0; i < k; i++) {
                assertEquals(ref[i], s[i], 1e-12 * ref[0], "singular value " + i + " of case " + t);
            }
            RealMatrix rebuilt = new Array2DRowRealMatrix(k, k);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    double sum = 0;
                    for (int l = 0; l < k; l++) {
                        sum += u[i + l * k] * s[l] * v[j + l * k];
                    }
                    rebuilt.setEntry(i, j, sum);
                }
            }
            assertEquals(0, rebuilt.subtract(new Array2DRowRealMatrix(m)).getNorm(), 1e-12 * (1 + ref[0]));
        }
    }

    @Test
    void qrPreservesNorms() {
        Random rnd = new Random(2);
        int n = 12;
        int p = 3;
        double[] x = new double[n * p];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian();
        }
        double[] y = new double[n];
        double yy = 0;
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextGaussian();
            yy += y[i] * y[i];
        }
        double[] qraux = new double[p];
        double[] qr = x.clone();
        Linpack.qrdc(qr, n, n, p, qraux);
        Linpack.qrQty(qr, n, n, p, qraux, y);
        double qq = 0;
        for (double v : y) {
            qq += v * v;
        }
        assertEquals(yy, qq, 1e-12 * yy);
        // |R_jj| equals the norm of column j of X after projecting out the earlier columns: for j = 1
        double c0 = 0;
        for (int i = 0; i < n; i++) {
            c0 += x[i] * x[i];
        }
        assertEquals(Math.sqrt(c0), Math.abs(qr[0]), 1e-12 * Math.sqrt(c0));
        assertEquals(5.0, Linpack.nrm2(2, new double[] {3, 4}, 0, 1), 0);
        assertEquals(0x1p-600 * 5, Linpack.nrm2(2, new double[] {3 * 0x1p-600, 4 * 0x1p-600}, 0, 1), 0);
        assertEquals(0x1p600 * 5, Linpack.nrm2(2, new double[] {3 * 0x1p600, 4 * 0x1p600}, 0, 1), 0);
    }
}
