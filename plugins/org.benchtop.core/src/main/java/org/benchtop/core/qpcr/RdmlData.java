package org.benchtop.core.qpcr;

import java.util.List;

/**
 * The content of an RDML file that the qPCR engines use: samples, targets and one row per
 * reaction and target ({@code react/data}).
 *
 * @param source the file name
 * @param version the RDML version attribute (1.0 - 1.3)
 * @param samples the declared samples
 * @param targets the declared targets
 * @param reactions one entry per react × data (target), in document order
 * @param warnings e.g. reactions without Cq
 */
public record RdmlData(String source, String version, List<Sample> samples, List<Target> targets,
        List<Reaction> reactions, List<String> warnings) {

    /** Defensive copies. */
    public RdmlData {
        samples = List.copyOf(samples);
        targets = List.copyOf(targets);
        reactions = List.copyOf(reactions);
        warnings = List.copyOf(warnings);
    }

    /**
     * A sample.
     *
     * @param id the sample id
     * @param type its type
     * @param quantity the standard quantity ({@code quantity/value}), NaN if absent
     * @param unit the quantity unit, or {@code null}
     */
    public record Sample(String id, SampleType type, double quantity, String unit) {
    }

    /**
     * A target (assay).
     *
     * @param id the target id
     * @param type the RDML target type ({@code toi} or {@code ref}), or {@code null}
     * @param amplificationEfficiency the stored efficiency in percent, NaN if absent
     * @param dyeId the dye, or {@code null}
     */
    public record Target(String id, String type, double amplificationEfficiency, String dyeId) {
    }

    /**
     * One reaction × target.
     *
     * @param experiment the experiment id
     * @param run the run id
     * @param well the well: the react id, or for numbered reacts on a plate with ABC/123 labels its
     *     position such as "B3"
     * @param sample the sample id
     * @param type the sample type
     * @param quantity the standard quantity, NaN if none
     * @param target the target id
     * @param cq the Cq, NaN if absent or negative (no amplification)
     */
    public record Reaction(String experiment, String run, String well, String sample, SampleType type,
            double quantity, String target, double cq) {
    }

    /**
     * @param targetId a target id
     * @return the target, or {@code null}
     */
    public Target target(String targetId) {
        return targets.stream().filter(t -> t.id().equals(targetId)).findFirst().orElse(null);
    }
}
