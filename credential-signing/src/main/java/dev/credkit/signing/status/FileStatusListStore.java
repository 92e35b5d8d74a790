package dev.credkit.signing.status;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.json.JsonValue;
import dev.credkit.json.JsonWriter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default {@link StatusListStore}: every list in one JSON file, replaced atomically.
 *
 * <p>Each {@link #save} writes the whole state to {@code <file>.tmp} in the same directory,
 * forces it to disk ({@link FileChannel#force}), renames it over {@code <file>} with
 * {@link StandardCopyOption#ATOMIC_MOVE}, then forces the directory (where the platform allows),
 * so a crash at any point leaves the old or the new file, complete. A leftover {@code .tmp} is
 * deleted on {@link #open}.
 *
 * <p>One process at a time: {@link #open} takes an exclusive lock on {@code <file>.lock} (kept,
 * never deleted) until {@link #close}; a second opener fails instead of handing out the same
 * indexes. The operating system drops the lock when the process dies.
 *
 * <p>File format:
 * <pre>{@code
 * {
 *   "format": "credkit-status-lists",
 *   "version": 1,
 *   "lists": [ <one StatusListState JSON object per list> ]
 * }
 * }</pre>
 * with each list as documented on {@link StatusListState}. A 131,072-entry list takes a few
 * kilobytes while sparsely used and at most about 45 KB.
 */
public final class FileStatusListStore implements StatusListStore, AutoCloseable {
    /** The {@code format} member of the state file. */
    public static final String FORMAT = "credkit-status-lists";
    /** The {@code version} member this class writes and reads. */
    public static final int VERSION = 1;

    private static final JsonReader READER = JsonReader.builder()
            .maxBytes(256 * 1024 * 1024)
            .maxStringLength(64 * 1024 * 1024)
            .build();

    private final Path file;
    private final Path temp;
    private final FileChannel lockChannel;
    private final FileLock lock;
    /** Guarded by {@code this}. */
    private final Map<String, StatusListState> committed;
    private boolean closed;

    private FileStatusListStore(Path file, FileChannel lockChannel, FileLock lock, Map<String, StatusListState> committed) {
        this.file = file;
        this.temp = sibling(file, ".tmp");
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.committed = committed;
    }

    /**
     * Opens (or starts) the state file, locking it for this process.
     *
     * @throws CredentialException {@code MALFORMED} when the file is not a valid state file,
     *         {@code INTERNAL_ERROR} when it is locked by another process or cannot be read
     */
    public static FileStatusListStore open(Path file) throws CredentialException {
        Path absolute = file.toAbsolutePath();
        Path parent = absolute.getParent();
        FileChannel channel = null;
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
            channel = FileChannel.open(sibling(absolute, ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new CredentialException(ProblemCode.INTERNAL_ERROR,
                        "status list state " + absolute.getFileName() + " is in use by another store");
            }
            Files.deleteIfExists(sibling(absolute, ".tmp"));
            Map<String, StatusListState> states = read(absolute);
            FileStatusListStore store = new FileStatusListStore(absolute, channel, lock, states);
            channel = null;
            return store;
        } catch (IOException e) {
            throw new CredentialException(ProblemCode.INTERNAL_ERROR,
                    "cannot open status list state " + absolute.getFileName() + ": " + e.getMessage(), e);
        } finally {
            if (channel != null) {
                try {
                    channel.close(); // also releases the lock
                } catch (IOException ignored) {
                    // nothing more to undo
                }
            }
        }
    }

    /** The state file. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized List<StatusListState> loadAll() {
        return List.copyOf(committed.values());
    }

    @Override
    public synchronized void save(StatusListState state) throws CredentialException {
        if (closed) {
            throw new CredentialException(ProblemCode.INTERNAL_ERROR, "status list store is closed");
        }
        StatusListState previous = committed.get(state.url());
        if (previous != null && state.revision() <= previous.revision()) {
            throw new CredentialException(ProblemCode.INTERNAL_ERROR, "refusing to save an older revision of " + state.url());
        }
        committed.put(state.url(), state);
        try {
            write();
        } catch (IOException e) {
            if (previous == null) {
                committed.remove(state.url());
            } else {
                committed.put(state.url(), previous);
            }
            throw new CredentialException(ProblemCode.INTERNAL_ERROR,
                    "cannot save status list state " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Releases the lock; later saves fail. */
    @Override
    public synchronized void close() throws CredentialException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new CredentialException(ProblemCode.INTERNAL_ERROR, "cannot release the status list state lock", e);
        }
    }

    private void write() throws IOException {
        List<JsonValue> lists = new ArrayList<>(committed.size());
        for (StatusListState s : committed.values()) {
            lists.add(s.toJson());
        }
        JsonObject document = JsonObject.builder()
                .put("format", FORMAT)
                .put("version", VERSION)
                .put("lists", JsonArray.of(lists))
                .build();
        byte[] bytes = (JsonWriter.pretty(document) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(file.getParent());
    }

    /** Makes the rename itself durable; not possible on every platform (e.g. Windows). */
    private static void forceDirectory(Path directory) {
        if (directory == null) {
            return;
        }
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the file's own content is already forced
        }
    }

    private static Map<String, StatusListState> read(Path file) throws IOException, CredentialException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new LinkedHashMap<>();
        }
        String name = file.getFileName().toString();
        JsonObject document;
        try {
            document = READER.readObject(bytes);
        } catch (CredentialException e) {
            throw new CredentialException(ProblemCode.MALFORMED, "status list state " + name + " is not valid JSON: " + e.getMessage());
        }
        if (!FORMAT.equals(document.string("format").orElse(null))) {
            throw new CredentialException(ProblemCode.MALFORMED, "status list state " + name + " is not a " + FORMAT + " file");
        }
        if (!(document.get("version").orElse(null) instanceof JsonNumber version) || !version.isIntegral()
                || version.value().intValue() != VERSION) {
            throw new CredentialException(ProblemCode.MALFORMED, "status list state " + name + " has an unsupported version");
        }
        JsonArray lists = document.array("lists")
                .orElseThrow(() -> new CredentialException(ProblemCode.MALFORMED, "status list state " + name + " has no lists"));
        Map<String, StatusListState> states = new LinkedHashMap<>();
        for (JsonValue v : lists) {
            if (!(v instanceof JsonObject o)) {
                throw new CredentialException(ProblemCode.MALFORMED, "status list state " + name + ": lists must hold objects");
            }
            StatusListState state = StatusListState.fromJson(o);
            if (states.putIfAbsent(state.url(), state) != null) {
                throw new CredentialException(ProblemCode.MALFORMED, "status list state " + name + " lists " + state.url() + " twice");
            }
        }
        return states;
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }
}
