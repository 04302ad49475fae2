package io.quotegraph.devstack.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a bulk import has done, per input file: how many of its records the server has answered, and whether the file
 * is finished. Written atomically (temp file, then rename) after every acknowledged chunk, so an interrupted import
 * resumes after the last answered record. A file whose size or modification time changed starts over.
 */
public final class IngestState {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Progress in one file. */
    public record FileProgress(long size, long modifiedMillis, long done, boolean complete) {
    }

    /** The state file's content. */
    public record Content(Map<String, FileProgress> files) {
    }

    private final Path path;
    private final Map<String, FileProgress> files;

    private IngestState(Path path, Map<String, FileProgress> files) {
        this.path = path;
        this.files = files;
    }

    public static IngestState load(Path path) {
        if (path == null || !Files.isRegularFile(path)) {
            return new IngestState(path, new LinkedHashMap<>());
        }
        try {
            Content content = JSON.readValue(path.toFile(), Content.class);
            return new IngestState(path, new LinkedHashMap<>(content.files() == null ? Map.of() : content.files()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the state file " + path + " (delete it to start over)", e);
        }
    }

    /** Records of this file already answered by the server (0 if the file is new or changed since). */
    public synchronized long done(Path file) throws IOException {
        FileProgress progress = files.get(file.toString());
        if (progress == null || progress.size() != Files.size(file)
                || progress.modifiedMillis() != Files.getLastModifiedTime(file).toMillis()) {
            return 0;
        }
        return progress.done();
    }

    public synchronized boolean complete(Path file) throws IOException {
        FileProgress progress = files.get(file.toString());
        return progress != null && progress.complete() && done(file) == progress.done();
    }

    public synchronized void record(Path file, long done, boolean complete) throws IOException {
        files.put(file.toString(), new FileProgress(Files.size(file), Files.getLastModifiedTime(file).toMillis(), done, complete));
    }

    public synchronized void save() {
        if (path == null) {
            return;
        }
        try {
            Path parent = path.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".ingest-state", ".tmp");
            JSON.writeValue(temp.toFile(), new Content(files));
            try {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the state file " + path, e);
        }
    }
}
