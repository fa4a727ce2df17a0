package org.benchtop.core.notebook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An {@code .eln} archive as read by {@link ElnReader}: its single top-level folder, its parsed
 * RO-Crate metadata, and the size and SHA-256 of every file in it, computed from the bytes actually
 * stored (not from the zip headers). Immutable.
 */
public final class ElnArchive {

    /**
     * A file stored in the archive.
     *
     * @param size its uncompressed size in bytes
     * @param sha256 lowercase hex SHA-256 of its bytes
     */
    public record Stored(long size, String sha256) {
    }

    private final Path file;
    private final String rootFolder;
    private final JsonNode metadata;
    private final Map<String, JsonNode> entities;
    private final Map<String, Stored> files;
    private final Map<String, byte[]> contents;

    ElnArchive(Path file, String rootFolder, JsonNode metadata, Map<String, JsonNode> entities,
            Map<String, Stored> files, Map<String, byte[]> contents) {
        this.file = file;
        this.rootFolder = rootFolder;
        this.metadata = metadata;
        this.entities = Collections.unmodifiableMap(new LinkedHashMap<>(entities));
        this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        this.contents = contents;
    }

    /** @return the archive file */
    public Path file() {
        return file;
    }

    /** @return the name of the single top-level folder (without {@code /}) */
    public String rootFolder() {
        return rootFolder;
    }

    /** @return a copy of the parsed {@code ro-crate-metadata.json} */
    public JsonNode metadata() {
        return metadata.deepCopy();
    }

    /** @return the entities of the metadata's {@code @graph}, by {@code @id}, in graph order (copies) */
    public List<JsonNode> graph() {
        List<JsonNode> r = new ArrayList<>();
        for (JsonNode n : entities.values()) {
            r.add(n.deepCopy());
        }
        return r;
    }

    /**
     * @param id an {@code @id}
     * @return a copy of the entity with that id
     */
    public Optional<JsonNode> entity(String id) {
        JsonNode n = entities.get(id);
        return n == null ? Optional.empty() : Optional.of(n.deepCopy());
    }

    Map<String, JsonNode> entities() {
        return entities;
    }

    /**
     * @return every file in the archive (directories left out) by its path inside the top-level folder
     *         (e.g. {@code ro-crate-metadata.json}, {@code my-entry/results.csv}), in archive order
     */
    public Map<String, Stored> files() {
        return files;
    }

    /**
     * @param path a path inside the top-level folder
     * @return a copy of the file's bytes, when the archive was read with its contents
     *         ({@link ElnReader#readEntry}); empty otherwise or if there is no such file
     */
    public Optional<byte[]> content(String path) {
        byte[] b = contents.get(path);
        return b == null ? Optional.empty() : Optional.of(b.clone());
    }
}
