package org.benchtop.core.plate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The KcViab raw long table (test resource) as engine input, one {@link PlateData} per plate and replicate. */
final class KcViab {

    static final String RAW = "kcviab_raw_long.csv";

    private KcViab() {
    }

    /**
     * @param excludeFlagged whether the {@code flagged} wells are excluded (the R reference does not)
     * @return plate-replicates in the order plate, replicate
     */
    static Map<String, PlateData> plates(boolean excludeFlagged) {
        Map<String, List<Map<String, String>>> byKey = new LinkedHashMap<>();
        for (Map<String, String> r : RefCsv.read(RAW)) {
            byKey.computeIfAbsent(key(r.get("plate"), r.get("replicate")), k -> new ArrayList<>()).add(r);
        }
        Map<String, PlateData> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Map<String, String>>> e : byKey.entrySet()) {
            PlateFormat f = PlateFormat.WELLS_384;
            double[] v = new double[f.wells()];
            WellContent[] c = new WellContent[f.wells()];
            boolean[] x = new boolean[f.wells()];
            java.util.Arrays.fill(v, Double.NaN);
            String plate = null;
            String rep = null;
            for (Map<String, String> r : e.getValue()) {
                int id = WellId.parse(r.get("well"));
                int w = f.index(WellId.row(id), WellId.column(id));
                v[w] = Double.parseDouble(r.get("value"));
                c[w] = content(r.get("content"));
                x[w] = excludeFlagged && r.get("flagged").equals("1");
                plate = r.get("plate");
                rep = r.get("replicate");
            }
            out.put(e.getKey(), new PlateData(List.of(plate, rep), "plate=" + plate + ", replicate=" + rep, "", f, v, c,
                    x));
        }
        return out;
    }

    static String key(String plate, String replicate) {
        return plate + "/" + replicate;
    }

    static WellContent content(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "neg":
                return WellContent.NEGATIVE;
            case "pos":
                return WellContent.POSITIVE;
            case "sample":
                return WellContent.SAMPLE;
            case "empty":
                return WellContent.EMPTY;
            default:
                return WellContent.OTHER;
        }
    }
}
