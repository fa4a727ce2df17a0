package org.knime.core.node;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.workflow.FlowVariable;

/**
 * Stub of the KNIME class of the same name (compile and test use, never shipped). Signatures and modifiers as in
 * KNIME; the bodies keep the warning message and the flow variables in fields that the test helper
 * org.benchtop.knimestub.testing.NodeModelRunner reads (via the package-private {@code stub*} methods).
 */
@SuppressWarnings("deprecation") // FlowVariable.Type is deprecated in KNIME 4.1+, still the real API used here
public abstract class NodeModel {

    private final PortType[] m_inPortTypes;

    private final PortType[] m_outPortTypes;

    private String m_warningMessage;

    /** Variables provided at the inputs (set by tests). */
    private final Map<String, FlowVariable> m_inputVariables = new LinkedHashMap<>();

    /** Variables pushed by this node. */
    private final Map<String, FlowVariable> m_pushedVariables = new LinkedHashMap<>();

    /**
     * @param nrInDataPorts number of data inputs
     * @param nrOutDataPorts number of data outputs
     */
    protected NodeModel(final int nrInDataPorts, final int nrOutDataPorts) {
        this(dataPorts(nrInDataPorts), dataPorts(nrOutDataPorts));
    }

    private static PortType[] dataPorts(final int n) {
        PortType[] r = new PortType[n];
        Arrays.fill(r, BufferedDataTable.TYPE);
        return r;
    }

    /**
     * @param inPortTypes input port types, none null
     * @param outPortTypes output port types, none null
     */
    protected NodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes) {
        m_inPortTypes = copyPorts(inPortTypes, "InPortType");
        m_outPortTypes = copyPorts(outPortTypes, "OutPortType");
    }

    private static PortType[] copyPorts(final PortType[] types, final String what) {
        if (types == null) {
            return new PortType[0];
        }
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                throw new NullPointerException(what + "[" + i + "] must not be null!");
            }
        }
        return types.clone();
    }

    /**
     * @param nodeInternDir directory to read from
     * @param exec progress and cancellation
     * @throws IOException if reading fails
     * @throws CanceledExecutionException if canceled
     */
    protected abstract void loadInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    /**
     * @param nodeInternDir directory to write to
     * @param exec progress and cancellation
     * @throws IOException if writing fails
     * @throws CanceledExecutionException if canceled
     */
    protected abstract void saveInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    /** @return number of inputs */
    protected final int getNrInPorts() {
        return m_inPortTypes.length;
    }

    /** @return number of outputs */
    protected final int getNrOutPorts() {
        return m_outPortTypes.length;
    }

    /**
     * @param index input index
     * @return its port type
     */
    protected final PortType getInPortType(final int index) {
        return m_inPortTypes[index];
    }

    /**
     * @param index output index
     * @return its port type
     */
    protected final PortType getOutPortType(final int index) {
        return m_outPortTypes[index];
    }

    final void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        validateSettings(settings);
        loadValidatedSettingsFrom(settings);
    }

    /** @param settings to write the model settings into */
    protected abstract void saveSettingsTo(final NodeSettingsWO settings);

    /**
     * @param settings settings to check without applying them
     * @throws InvalidSettingsException if they are not valid
     */
    protected abstract void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException;

    /**
     * @param settings validated settings to apply
     * @throws InvalidSettingsException if a setting is missing
     */
    protected abstract void loadValidatedSettingsFrom(final NodeSettingsRO settings)
        throws InvalidSettingsException;

    /**
     * Default: casts the inputs to BufferedDataTable and calls {@link #execute(BufferedDataTable[],
     * ExecutionContext)}.
     *
     * @param inObjects inputs
     * @param exec execution context
     * @return outputs
     * @throws Exception if execution fails
     */
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable[] in = new BufferedDataTable[inObjects.length];
        for (int i = 0; i < inObjects.length; i++) {
            if (inObjects[i] != null && !(inObjects[i] instanceof BufferedDataTable)) {
                throw new IOException(String.format("Input port %d does not hold data table but %s; Likely reason:"
                    + " wrong version of NodeModel.execute() overwritten!", i,
                    inObjects[i].getClass().getSimpleName()));
            }
            in[i] = (BufferedDataTable)inObjects[i];
        }
        return execute(in, exec);
    }

    /**
     * @param inData input tables
     * @param exec execution context
     * @return output tables
     * @throws Exception if execution fails
     */
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        throw new IOException("NodeModel.execute() implementation missing!");
    }

    /** Resets the model (not its settings). */
    protected abstract void reset();

    /** Called when the node is disposed. */
    protected void onDispose() {
        // empty
    }

    /** Informs views of a model change (no views in the stub). */
    protected final void stateChanged() {
        // no views in the stub
    }

    /** @param arg argument for the views (no views in the stub) */
    protected final void notifyViews(final Object arg) {
        // no views in the stub
    }

    /**
     * Default: casts the specs to DataTableSpec and calls {@link #configure(DataTableSpec[])}.
     *
     * @param inSpecs input specs
     * @return output specs (elements may be null)
     * @throws InvalidSettingsException if the node can't be configured
     */
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec[] in = new DataTableSpec[inSpecs.length];
        for (int i = 0; i < inSpecs.length; i++) {
            if (inSpecs[i] != null && !(inSpecs[i] instanceof DataTableSpec)) {
                throw new InvalidSettingsException("Input Port " + i + " does not hold data table specs. "
                    + "Likely reason: wrong version of NodeModel.configure() overwritten!");
            }
            in[i] = (DataTableSpec)inSpecs[i];
        }
        return configure(in);
    }

    /**
     * @param inSpecs input table specs
     * @return output table specs (elements may be null)
     * @throws InvalidSettingsException if the node can't be configured
     */
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        throw new InvalidSettingsException("NodeModel.configure() implementation missing!");
    }

    /** @param warningMessage the warning, or null to clear it */
    protected final void setWarningMessage(final String warningMessage) {
        m_warningMessage = warningMessage;
    }

    /** @return the current warning or null */
    protected final String getWarningMessage() {
        return m_warningMessage;
    }

    private FlowVariable peek(final String name, final FlowVariable.Type type) {
        if (name == null) {
            throw new NullPointerException("Name must not be null");
        }
        FlowVariable v = m_pushedVariables.get(name);
        if (v == null || v.getType() != type) {
            v = m_inputVariables.get(name);
        }
        if (v == null || v.getType() != type) {
            throw new NoSuchElementException("No flow variable \"" + name + "\" of type " + type);
        }
        return v;
    }

    /**
     * @param name variable name
     * @return its value
     * @throws NoSuchElementException if there is no string variable of that name
     */
    public final String peekFlowVariableString(final String name) {
        return peek(name, FlowVariable.Type.STRING).getStringValue();
    }

    /**
     * @param name variable name
     * @param value value
     */
    protected final void pushFlowVariableDouble(final String name, final double value) {
        pushFlowVariable(new FlowVariable(name, value));
    }

    /**
     * @param name variable name
     * @return its value
     * @throws NoSuchElementException if there is no double variable of that name
     */
    public final double peekFlowVariableDouble(final String name) {
        return peek(name, FlowVariable.Type.DOUBLE).getDoubleValue();
    }

    /**
     * @param name variable name
     * @param value value
     */
    protected final void pushFlowVariableInt(final String name, final int value) {
        pushFlowVariable(new FlowVariable(name, value));
    }

    final void pushFlowVariable(final FlowVariable variable) {
        m_pushedVariables.remove(variable.getName());
        m_pushedVariables.put(variable.getName(), variable);
    }

    /**
     * @param name variable name
     * @return its value
     * @throws NoSuchElementException if there is no int variable of that name
     */
    public final int peekFlowVariableInt(final String name) {
        return peek(name, FlowVariable.Type.INTEGER).getIntValue();
    }

    /**
     * @param name variable name
     * @param value value
     */
    protected final void pushFlowVariableString(final String name, final String value) {
        pushFlowVariable(new FlowVariable(name, value));
    }

    /** @return input variables and the variables pushed by this node (pushed ones win), unmodifiable */
    public final Map<String, FlowVariable> getAvailableFlowVariables() {
        Map<String, FlowVariable> r = new LinkedHashMap<>(m_inputVariables);
        r.putAll(m_pushedVariables);
        return Collections.unmodifiableMap(r);
    }

    /** @return the variables provided at the inputs, unmodifiable */
    public final Map<String, FlowVariable> getAvailableInputFlowVariables() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m_inputVariables));
    }

    // ---- stub-internal (package-private), used by the test helper via reflection ------------------------------

    final Map<String, FlowVariable> stubPushedFlowVariables() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m_pushedVariables));
    }

    final void stubSetInputFlowVariables(final Collection<FlowVariable> variables) {
        m_inputVariables.clear();
        for (FlowVariable v : variables) {
            m_inputVariables.put(v.getName(), v);
        }
    }

    final void stubClearPushedFlowVariables() {
        m_pushedVariables.clear();
    }
}
