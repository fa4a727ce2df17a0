package org.benchtop.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchtopVersionTest {
    @Test
    void versionIsSemantic() {
        assertTrue(BenchtopVersion.get().matches("\\d+\\.\\d+\\.\\d+"));
    }
}
