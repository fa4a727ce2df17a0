package org.benchtop.knimestub.testing;

import java.io.File;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.workflow.FlowVariable;

/**
 * Test helper (stub only, not exported): drives a {@link NodeModel} the way the KNIME framework does, calling its
 * protected methods by reflection.
 *
 * <p>Framework behaviour reproduced: configure and execute clear the warning and the variables pushed before;
 * configure passes an empty DataTableSpec for unconnected (null) non-optional table inputs; execute fails if the
 * node returns the wrong number of outputs or a null output, and sets KNIME's warning "Node created an empty data
 * table." (or "... empty data tables on all out-ports.") when every table output is empty and the node set no
 * warning; an input (spec or object) that does not fit its port type is refused, as KNIME cannot connect it. Stricter
 * than KNIME: configure fails if the node returns the wrong number of specs.
 */
public final class NodeModelRunner {

    private static final Method CONFIGURE = StubReflection.method(NodeModel.class, "configure", PortObjectSpec[].class);

    private static final Method EXECUTE =
        StubReflection.method(NodeModel.class, "execute", PortObject[].class, ExecutionContext.class);

    private static final Method SAVE_SETTINGS =
        StubReflection.method(NodeModel.class, "saveSettingsTo", NodeSettingsWO.class);

    private static final Method VALIDATE_SETTINGS =
        StubReflection.method(NodeModel.class, "validateSettings", NodeSettingsRO.class);

    private static final Method LOAD_VALIDATED =
        StubReflection.method(NodeModel.class, "loadValidatedSettingsFrom", NodeSettingsRO.class);

    private static final Method RESET = StubReflection.method(NodeModel.class, "reset");

    private static final Method SAVE_INTERNALS =
        StubReflection.method(NodeModel.class, "saveInternals", File.class, ExecutionMonitor.class);

    private static final Method LOAD_INTERNALS =
        StubReflection.method(NodeModel.class, "loadInternals", File.class, ExecutionMonitor.class);

    private static final Method SET_WARNING = StubReflection.method(NodeModel.class, "setWarningMessage", String.class);

    private static final Method GET_WARNING = StubReflection.method(NodeModel.class, "getWarningMessage");

    private static final Method NR_IN = StubReflection.method(NodeModel.class, "getNrInPorts");

    private static final Method NR_OUT = StubReflection.method(NodeModel.class, "getNrOutPorts");

    private static final Method IN_TYPE = StubReflection.method(NodeModel.class, "getInPortType", int.class);

    private static final Method OUT_TYPE = StubReflection.method(NodeModel.class, "getOutPortType", int.class);

    private static final Method PUSHED = StubReflection.method(NodeModel.class, "stubPushedFlowVariables");

    private static final Method CLEAR_PUSHED = StubReflection.method(NodeModel.class, "stubClearPushedFlowVariables");

    private static final Method SET_INPUT_VARS =
        StubReflection.method(NodeModel.class, "stubSetInputFlowVariables", Collection.class);

    private final NodeModel m_model;

    /** @param model the model to drive */
    public NodeModelRunner(final NodeModel model) {
        m_model = model;
    }

    /** @return the model */
    public NodeModel model() {
        return m_model;
    }

    /** @return number of inputs */
    public int getNrInPorts() {
        return (Integer)StubReflection.invokeUnchecked(NR_IN, m_model);
    }

    /** @return number of outputs */
    public int getNrOutPorts() {
        return (Integer)StubReflection.invokeUnchecked(NR_OUT, m_model);
    }

    /**
     * @param i input index
     * @return the input's port type
     */
    public PortType getInPortType(final int i) {
        return (PortType)StubReflection.invokeUnchecked(IN_TYPE, m_model, i);
    }

    /**
     * @param i output index
     * @return the output's port type
     */
    public PortType getOutPortType(final int i) {
        return (PortType)StubReflection.invokeUnchecked(OUT_TYPE, m_model, i);
    }

    private void beforeRun() {
        StubReflection.invokeUnchecked(SET_WARNING, m_model, (Object)null);
        StubReflection.invokeUnchecked(CLEAR_PUSHED, m_model);
    }

    /**
     * @param inSpecs input specs (as many as inputs; null = not connected)
     * @return output specs
     * @throws InvalidSettingsException as thrown by the node
     */
    public PortObjectSpec[] configure(final PortObjectSpec... inSpecs) throws InvalidSettingsException {
        int nIn = getNrInPorts();
        if (inSpecs.length != nIn) {
            throw new IllegalArgumentException("Node has " + nIn + " input(s), got " + inSpecs.length + " spec(s)");
        }
        PortObjectSpec[] in = Arrays.copyOf(inSpecs, inSpecs.length, PortObjectSpec[].class);
        for (int i = 0; i < in.length; i++) {
            PortType t = getInPortType(i);
            if (in[i] == null && BufferedDataTable.TYPE.equals(t) && !t.isOptional()) {
                in[i] = new DataTableSpec();
            }
            if (!t.acceptsPortObjectSpec(in[i])) {
                throw new IllegalArgumentException("Input " + i + " is a " + t + " port; KNIME cannot connect a "
                    + in[i].getClass().getSimpleName() + " to it");
            }
        }
        beforeRun();
        PortObjectSpec[] out;
        try {
            out = (PortObjectSpec[])StubReflection.invoke(CONFIGURE, m_model, (Object)in);
        } catch (InvalidSettingsException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        int nOut = getNrOutPorts();
        if (out == null) {
            out = new PortObjectSpec[nOut];
        }
        if (out.length != nOut) {
            throw new IllegalStateException("configure returned " + out.length + " specs for " + nOut + " outputs");
        }
        return out;
    }

    /**
     * @param inSpecs input table specs
     * @return output specs, cast to DataTableSpec
     * @throws InvalidSettingsException as thrown by the node
     */
    public DataTableSpec[] configureTables(final DataTableSpec... inSpecs) throws InvalidSettingsException {
        PortObjectSpec[] out = configure((PortObjectSpec[])inSpecs);
        return Arrays.copyOf(out, out.length, DataTableSpec[].class);
    }

    /**
     * @param exec execution context (see {@link StubExecutionContexts})
     * @param inputs input objects
     * @return outputs
     * @throws Exception as thrown by the node
     */
    public PortObject[] execute(final ExecutionContext exec, final PortObject... inputs) throws Exception {
        int nIn = getNrInPorts();
        if (inputs.length != nIn) {
            throw new IllegalArgumentException("Node has " + nIn + " input(s), got " + inputs.length + " object(s)");
        }
        for (int i = 0; i < nIn; i++) {
            if (!getInPortType(i).acceptsPortObject(inputs[i])) {
                throw new IllegalArgumentException("Input " + i + " is a " + getInPortType(i) + " port; KNIME cannot "
                    + "connect a " + inputs[i].getClass().getSimpleName() + " to it");
            }
        }
        beforeRun();
        PortObject[] out = (PortObject[])StubReflection.invoke(EXECUTE, m_model,
            Arrays.copyOf(inputs, inputs.length, PortObject[].class), exec);
        int nOut = getNrOutPorts();
        if (out == null || out.length != nOut) {
            throw new IllegalStateException("Invalid result. Execution failed. Reason: Incorrect implementation;"
                + " the execute method returned null or an incorrect number of output tables.");
        }
        boolean hasData = false;
        int tablePorts = 0;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                throw new IllegalStateException("Invalid result. Execution failed, reason: data at output " + i
                    + " is null.");
            }
            if (!getOutPortType(i).acceptsPortObject(out[i])) {
                throw new IllegalStateException("Output " + i + " is a " + out[i].getClass().getSimpleName()
                    + ", port type is " + getOutPortType(i));
            }
            if (out[i] instanceof BufferedDataTable) {
                tablePorts++;
                hasData |= ((BufferedDataTable)out[i]).size() > 0;
            }
        }
        String warning = getWarningMessage();
        if ((warning == null || warning.isEmpty()) && tablePorts > 0 && !hasData) {
            StubReflection.invokeUnchecked(SET_WARNING, m_model, tablePorts == 1
                ? "Node created an empty data table." : "Node created empty data tables on all out-ports.");
        }
        return out;
    }

    /**
     * Executes with a new {@link StubExecutionContexts#create() context}.
     *
     * @param inputs input objects
     * @return outputs
     * @throws Exception as thrown by the node
     */
    public PortObject[] execute(final PortObject... inputs) throws Exception {
        return execute(StubExecutionContexts.create(), inputs);
    }

    /**
     * @param exec execution context
     * @param inputs input tables
     * @return outputs, cast to BufferedDataTable
     * @throws Exception as thrown by the node
     */
    public BufferedDataTable[] executeTables(final ExecutionContext exec, final BufferedDataTable... inputs)
        throws Exception {
        PortObject[] out = execute(exec, (PortObject[])inputs);
        return Arrays.copyOf(out, out.length, BufferedDataTable[].class);
    }

    /**
     * @param inputs input tables
     * @return outputs, cast to BufferedDataTable
     * @throws Exception as thrown by the node
     */
    public BufferedDataTable[] executeTables(final BufferedDataTable... inputs) throws Exception {
        return executeTables(StubExecutionContexts.create(), inputs);
    }

    /** @return the model's settings in a new NodeSettings with key "model" */
    public NodeSettings saveSettings() {
        NodeSettings s = new NodeSettings(StubNodeSettings.MODEL_KEY);
        StubReflection.invokeUnchecked(SAVE_SETTINGS, m_model, s);
        return s;
    }

    /**
     * @param settings settings to check
     * @throws InvalidSettingsException as thrown by the node
     */
    public void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        invokeSettings(VALIDATE_SETTINGS, settings);
    }

    /**
     * Validates, then loads (as KNIME's NodeModel#loadSettingsFrom does).
     *
     * @param settings settings to apply
     * @throws InvalidSettingsException as thrown by the node
     */
    public void loadSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        validateSettings(settings);
        loadValidatedSettings(settings);
    }

    /**
     * @param settings settings to apply without validation
     * @throws InvalidSettingsException as thrown by the node
     */
    public void loadValidatedSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        invokeSettings(LOAD_VALIDATED, settings);
    }

    private void invokeSettings(final Method m, final NodeSettingsRO settings) throws InvalidSettingsException {
        try {
            StubReflection.invoke(m, m_model, settings);
        } catch (InvalidSettingsException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Resets the model (clears the warning as the framework does). */
    public void reset() {
        StubReflection.invokeUnchecked(SET_WARNING, m_model, (Object)null);
        StubReflection.invokeUnchecked(RESET, m_model);
    }

    /**
     * @param dir directory
     * @param exec monitor
     * @throws Exception as thrown by the node
     */
    public void saveInternals(final File dir, final ExecutionMonitor exec) throws Exception {
        StubReflection.invoke(SAVE_INTERNALS, m_model, dir, exec);
    }

    /**
     * @param dir directory
     * @param exec monitor
     * @throws Exception as thrown by the node
     */
    public void loadInternals(final File dir, final ExecutionMonitor exec) throws Exception {
        StubReflection.invoke(LOAD_INTERNALS, m_model, dir, exec);
    }

    /** @return the model's current warning message or null */
    public String getWarningMessage() {
        return (String)StubReflection.invokeUnchecked(GET_WARNING, m_model);
    }

    /** @return variables pushed by the node in the last configure/execute, in push order */
    @SuppressWarnings("unchecked")
    public Map<String, FlowVariable> getPushedFlowVariables() {
        return (Map<String, FlowVariable>)StubReflection.invokeUnchecked(PUSHED, m_model);
    }

    /** @param variables variables the node sees at its inputs (replaces earlier ones) */
    public void setInputFlowVariables(final FlowVariable... variables) {
        StubReflection.invokeUnchecked(SET_INPUT_VARS, m_model, Arrays.asList(variables));
    }
}
