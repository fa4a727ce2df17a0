package org.knime.core.node.workflow;

/** Stub of the package-private KNIME class of the same name (supertype of FlowVariable). */
abstract class FlowObject implements Cloneable {
}
