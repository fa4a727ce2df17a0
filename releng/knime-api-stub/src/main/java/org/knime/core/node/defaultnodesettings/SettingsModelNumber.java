package org.knime.core.node.defaultnodesettings;

/** Stub of the KNIME class of the same name (signatures only; compile and test use, never shipped). */
public abstract class SettingsModelNumber extends SettingsModel {

    abstract String getNumberValueStr();

    abstract void setNumberValueStr(final String newValueStr);
}
