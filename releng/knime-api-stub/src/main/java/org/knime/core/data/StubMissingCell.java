package org.knime.core.data;

/**
 * Stub-internal (package-private, not part of the KNIME API): the singleton returned by
 * {@link DataType#getMissingCell()}. In real KNIME this is org.knime.core.data.MissingCell.
 */
final class StubMissingCell extends DataCell {

    private static final long serialVersionUID = 1L;

    static final StubMissingCell INSTANCE = new StubMissingCell();

    private StubMissingCell() {
    }

    @Override
    public String toString() {
        return "?";
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return true;
    }

    @Override
    public int hashCode() {
        return 63;
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
