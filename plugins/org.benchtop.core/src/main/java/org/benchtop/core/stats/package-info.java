/** Numerics shared by the analyses: robust location and scale, multiple-testing correction, distributions. */
package org.benchtop.core.stats;
