package org.knime.core.data;

/**
 * Stub of the KNIME interface of the same name. The real interface also declares the UTILITY constant and a
 * nested utility factory, which are not part of this stub.
 */
public interface BooleanValue extends DataValue {

    /** @return the value */
    boolean getBooleanValue();
}
