package org.knime.core.data;

/**
 * Stub of the KNIME interface of the same name. The real interface also declares the UTILITY constant and the
 * nested UtilityFactory classes, which are not part of this stub.
 */
public interface DataValue {
}
