package org.knime.core.node.context;

/**
 * Stub of the KNIME interface of the same name (compile and test use, never shipped).
 *
 * @param <T> the type of the copied object
 */
public interface DeepCopy<T> {

    /** @return a deep copy */
    T copy();

}
