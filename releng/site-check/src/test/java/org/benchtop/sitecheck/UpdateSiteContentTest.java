package org.benchtop.sitecheck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks the p2 repository that {@code update-site} builds: it must hold Benchtop's feature and
 * bundles, never the KNIME API stub ({@code org.knime.*}), and every requirement of every unit must be
 * met by the site itself, by the Java runtime, or by the documented KNIME allowlist
 * ({@code knime-allowlist.txt}).
 */
class UpdateSiteContentTest {

    private static List<P2Metadata.Unit> units;

    @BeforeAll
    static void readSite() throws Exception {
        Path site = Path.of(System.getProperty("benchtop.site", "../../update-site/target/repository"));
        assertTrue(Files.isDirectory(site), "the update site was not built at " + site + ": run ./mvnw verify from the top");
        units = P2Metadata.read(site);
    }

    @Test
    void shipsBenchtopFeatureAndBundles() {
        Set<String> ids = units.stream().map(P2Metadata.Unit::id).collect(Collectors.toSet());
        assertTrue(ids.contains("org.benchtop.feature.feature.group"), "feature missing: " + ids);
        assertTrue(ids.contains("org.benchtop.core"), "core bundle missing: " + ids);
        assertTrue(ids.contains("org.benchtop.knime"), "node bundle missing: " + ids);
    }

    @Test
    void neverShipsTheKnimeApiStub() {
        for (P2Metadata.Unit unit : units) {
            assertFalse(unit.id().startsWith("org.knime."), "the site contains " + unit.id()
                    + ": the KNIME API stub must never ship (check includeAllDependencies and the feature)");
        }
    }

    @Test
    void everyRequirementIsSatisfiable() throws IOException {
        List<P2Metadata.Allowed> allowlist = P2Metadata.readAllowlist(Path.of(System.getProperty("benchtop.allowlist", "knime-allowlist.txt")));
        Set<String> jrePackages = new HashSet<>();
        ModuleLayer.boot().modules().forEach(m -> jrePackages.addAll(m.getPackages()));
        List<String> unmet = new ArrayList<>();
        for (P2Metadata.Unit unit : units) {
            for (P2Metadata.Requirement req : unit.requirements()) {
                if (req.optional() || req.satisfiedBy(units) || req.satisfiedByJre(jrePackages)
                        || allowlist.stream().anyMatch(a -> a.allows(req))) {
                    continue;
                }
                unmet.add(unit.id() + " " + unit.version() + " requires " + req);
            }
        }
        if (!unmet.isEmpty()) {
            fail("requirements nothing satisfies (add the bundle to the feature, or document it in knime-allowlist.txt):\n  "
                    + String.join("\n  ", unmet));
        }
    }

    /** The unit list is read from content.xml or content.jar, whichever the build wrote. */
    static Document parse(Path site) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Path xml = site.resolve("content.xml");
        if (Files.exists(xml)) {
            try (InputStream in = Files.newInputStream(xml)) {
                return dbf.newDocumentBuilder().parse(in);
            }
        }
        try (JarFile jar = new JarFile(site.resolve("content.jar").toFile());
                InputStream in = jar.getInputStream(jar.getEntry("content.xml"))) {
            return dbf.newDocumentBuilder().parse(in);
        }
    }

    static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList list = parent.getElementsByTagName(tag);
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }
}
