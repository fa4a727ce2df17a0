package org.benchtop.core.rnaseq;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the reference CSV/TSV files under src/test/resources/org/benchtop/core/rnaseq. */
final class RefData {

    /** A parsed table: header and rows of strings (unquoted). */
    record Table(List<String> header, List<String[]> rows) {
        int col(String name) {
            int i = header.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("no column " + name + " in " + header);
            }
            return i;
        }

        double[] doubles(String name) {
            int c = col(name);
            double[] d = new double[rows.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = parse(rows.get(i)[c]);
            }
            return d;
        }

        String[] strings(String name) {
            int c = col(name);
            String[] s = new String[rows.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = rows.get(i)[c];
            }
            return s;
        }

        Map<String, String> keyValue() {
            Map<String, String> m = new LinkedHashMap<>();
            for (String[] r : rows) {
                m.put(r[0], r[1]);
            }
            return m;
        }
    }

    private RefData() {
    }

    static double parse(String s) {
        if (s.equals("NA") || s.isEmpty()) {
            return Double.NaN;
        }
        if (s.equals("TRUE")) {
            return 1;
        }
        if (s.equals("FALSE")) {
            return 0;
        }
        return Double.parseDouble(s);
    }

    static Table read(String resource) {
        return read(resource, resource.endsWith(".tsv") ? '\t' : ',');
    }

    static Table read(String resource, char sep) {
        try (InputStream in = RefData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = split(r.readLine(), sep);
            List<String[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty()) {
                    rows.add(split(line, sep).toArray(new String[0]));
                }
            }
            return new Table(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> split(String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == sep && !quoted) {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out;
    }

    /** The pasilla counts with columns reordered as in make_expected.R, and the matching sample sheet. */
    static CountMatrix pasillaCounts() {
        Table t = read("pasilla_gene_counts.tsv");
        Table cd = read("expected_coldata_used.csv");
        String[] samples = cd.strings("sample");
        int n = t.rows().size();
        int m = samples.length;
        String[] genes = new String[n];
        double[] c = new double[n * m];
        Map<String, Integer> col = new HashMap<>();
        for (int j = 0; j < t.header().size(); j++) {
            col.put(t.header().get(j), Integer.valueOf(j));
        }
        for (int g = 0; g < n; g++) {
            String[] row = t.rows().get(g);
            genes[g] = row[0];
            for (int j = 0; j < m; j++) {
                c[g * m + j] = Double.parseDouble(row[col.get(samples[j]).intValue()]);
            }
        }
        return CountMatrix.of(genes, samples, c);
    }

    static SampleSheet pasillaSheet() {
        Table cd = read("expected_coldata_used.csv");
        return SampleSheet.of(List.of(cd.strings("sample")))
                .withFactor("condition", List.of(cd.strings("condition")))
                .withFactor("type", List.of(cd.strings("type")))
                .withReference("condition", "untreated")
                .withReference("type", "paired-end");
    }

    /** The PyDESeq2 synthetic counts (file is genes x samples). */
    static CountMatrix syntheticCounts() {
        return countsCsv("pydeseq2_synthetic/test_counts.csv");
    }

    static SampleSheet syntheticSheet() {
        Table md = read("pydeseq2_synthetic/test_metadata.csv");
        return SampleSheet.of(List.of(md.strings(""))).withFactor("condition", List.of(md.strings("condition")))
                .withFactor("group", List.of(md.strings("group")));
    }

    /** A counts CSV with a gene_id column followed by one column per sample. */
    static CountMatrix countsCsv(String resource) {
        Table t = read(resource);
        int n = t.rows().size();
        int m = t.header().size() - 1;
        String[] genes = new String[n];
        String[] samples = t.header().subList(1, m + 1).toArray(new String[0]);
        double[] c = new double[n * m];
        for (int g = 0; g < n; g++) {
            String[] row = t.rows().get(g);
            genes[g] = row[0];
            for (int j = 0; j < m; j++) {
                c[g * m + j] = Double.parseDouble(row[j + 1]);
            }
        }
        return CountMatrix.of(genes, samples, c);
    }

    /** sim3_samples.csv: group, batch (factors) and age (numeric). */
    static SampleSheet sim3Sheet() {
        Table t = read("sim3_samples.csv");
        double[] age = t.doubles("age");
        return SampleSheet.of(List.of(t.strings("sample"))).withFactor("group", List.of(t.strings("group")))
                .withFactor("batch", List.of(t.strings("batch"))).withNumeric("age", age);
    }

    /** sim7_samples.csv: condition ctrl / trt. */
    static SampleSheet sim7Sheet() {
        Table t = read("sim7_samples.csv");
        return SampleSheet.of(List.of(t.strings("sample"))).withFactor("condition", List.of(t.strings("condition")));
    }
}
