package org.knime.core.node.config.base;

import java.util.Objects;

/**
 * Stub-internal (package-private, not part of the KNIME API): a leaf entry holding its value in the exact string
 * form used in the XML config format, so that any entry type read from a real settings.xml is written back
 * unchanged.
 */
final class StubValueEntry extends AbstractConfigEntry {

    private static final long serialVersionUID = 1L;

    private final String m_raw;

    StubValueEntry(final ConfigEntries type, final String key, final String raw) {
        super(type, key);
        if (type == ConfigEntries.config) {
            throw new IllegalArgumentException("A value entry can't be of type 'config'");
        }
        m_raw = raw;
    }

    String raw() {
        return m_raw;
    }

    @Override
    public String toStringValue() {
        return m_raw;
    }

    @Override
    boolean hasIdenticalValue(final AbstractConfigEntry ace) {
        return Objects.equals(m_raw, ((StubValueEntry)ace).m_raw);
    }
}
