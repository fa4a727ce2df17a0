package org.benchtop.sitecheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Just enough of p2's metadata model (installable units, capabilities, requirements) for the site check. */
final class P2Metadata {

    private P2Metadata() {
    }

    record Capability(String namespace, String name, Version version) {
    }

    record Unit(String id, Version version, List<Capability> provides, List<Requirement> requirements) {
    }

    /** An OSGi version: major.minor.micro[.qualifier]. */
    record Version(int major, int minor, int micro, String qualifier) implements Comparable<Version> {
        static Version parse(String text) {
            String[] p = text.trim().split("\\.", 4);
            return new Version(Integer.parseInt(p[0]), p.length > 1 ? Integer.parseInt(p[1]) : 0,
                    p.length > 2 ? Integer.parseInt(p[2]) : 0, p.length > 3 ? p[3] : "");
        }

        @Override
        public int compareTo(Version o) {
            int c = Integer.compare(major, o.major);
            if (c == 0) {
                c = Integer.compare(minor, o.minor);
            }
            if (c == 0) {
                c = Integer.compare(micro, o.micro);
            }
            return c != 0 ? c : qualifier.compareTo(o.qualifier);
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + micro + (qualifier.isEmpty() ? "" : "." + qualifier);
        }
    }

    /** An OSGi version range: {@code 1.2} (at least 1.2) or {@code [1.2,2)} style. */
    record Range(Version low, boolean lowInclusive, Version high, boolean highInclusive) {
        static Range parse(String text) {
            String t = text.trim();
            if (t.isEmpty()) {
                return new Range(Version.parse("0"), true, null, false);
            }
            char first = t.charAt(0);
            if (first != '[' && first != '(') {
                return new Range(Version.parse(t), true, null, false);
            }
            String[] bounds = t.substring(1, t.length() - 1).split(",");
            return new Range(Version.parse(bounds[0]), first == '[', Version.parse(bounds[1]), t.endsWith("]"));
        }

        boolean includes(Version v) {
            int lo = v.compareTo(low);
            if (lo < 0 || (lo == 0 && !lowInclusive)) {
                return false;
            }
            if (high == null) {
                return true;
            }
            int hi = v.compareTo(high);
            return hi < 0 || (hi == 0 && highInclusive);
        }
    }

    /** A requirement: a capability by name and range, or (for {@code osgi.ee}) an LDAP match. */
    record Requirement(String namespace, String name, Range range, String match, boolean optional) {
        private static final Pattern EE = Pattern.compile("osgi\\.ee=JavaSE\\)\\(version=([0-9.]+)");

        boolean satisfiedBy(List<Unit> units) {
            if (name == null) {
                return false;
            }
            for (Unit u : units) {
                for (Capability c : u.provides()) {
                    if (c.namespace().equals(namespace) && c.name().equals(name) && range.includes(c.version())) {
                        return true;
                    }
                }
            }
            return false;
        }

        boolean satisfiedByJre(java.util.Set<String> jrePackages) {
            if ("java.package".equals(namespace)) {
                return jrePackages.contains(name);
            }
            if ("osgi.ee".equals(namespace) && match != null) {
                Matcher m = EE.matcher(match);
                return m.find() && Version.parse(m.group(1)).compareTo(Version.parse("17")) <= 0;
            }
            return false;
        }

        @Override
        public String toString() {
            return name != null ? namespace + " " + name + " " + range.low() + (range.high() == null ? "+" : " to " + range.high())
                    : namespace + " " + match;
        }
    }

    /** One allowlist line: namespace, name and the lowest version the installation provides. */
    record Allowed(String namespace, String name, Version lowest) {
        boolean allows(Requirement r) {
            return namespace.equals(r.namespace()) && name.equals(r.name()) && r.range().includes(lowest);
        }
    }

    static List<Allowed> readAllowlist(Path file) throws IOException {
        List<Allowed> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("\\s+");
            out.add(new Allowed(f[0], f[1], Version.parse(f[2])));
        }
        return out;
    }

    static List<Unit> read(Path site) throws Exception {
        Document doc = UpdateSiteContentTest.parse(site);
        List<Unit> units = new ArrayList<>();
        for (Element u : UpdateSiteContentTest.children(doc.getDocumentElement(), "unit")) {
            List<Capability> provides = new ArrayList<>();
            for (Element p : UpdateSiteContentTest.children(u, "provided")) {
                provides.add(new Capability(p.getAttribute("namespace"), p.getAttribute("name"), Version.parse(p.getAttribute("version"))));
            }
            List<Requirement> reqs = new ArrayList<>();
            for (Element r : UpdateSiteContentTest.children(u, "required")) {
                reqs.add(new Requirement(r.getAttribute("namespace"), r.getAttribute("name"), Range.parse(r.getAttribute("range")), null,
                        "true".equals(r.getAttribute("optional").toLowerCase(Locale.ROOT))));
            }
            for (Element r : UpdateSiteContentTest.children(u, "requiredProperties")) {
                reqs.add(new Requirement(r.getAttribute("namespace"), null, null, r.getAttribute("match"),
                        "true".equals(r.getAttribute("optional").toLowerCase(Locale.ROOT))));
            }
            units.add(new Unit(u.getAttribute("id"), Version.parse(u.getAttribute("version")), provides, reqs));
        }
        return units;
    }
}
