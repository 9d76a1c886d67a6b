package org.backprop.app.editor;

import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;
import org.backprop.engine.project.ProjectFormatException;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/**
 * Unsaved work kept in a per-user folder, one slot per running workbench (named by its process
 * id): {@code autosave-PID.bpw.json} beside {@code autosave-PID.properties}, which says which
 * file it belongs to and when it was written. A clean exit or a save deletes the slot; a slot
 * whose process is gone was left by a crash and is offered for recovery at the next start.
 * Blocking file work: call it off the UI thread.
 */
public final class Autosave {
    /** A folder to use instead of the default, e.g. for tests. */
    public static final String DIR_PROPERTY = "workbench.autosaveDir";
    private static final String PREFIX = "autosave-";

    private final Path dir;
    private final long pid;

    public Autosave(Path dir, long pid) {
        this.dir = dir;
        this.pid = pid;
    }

    /** {@value #DIR_PROPERTY}, else {@code $XDG_STATE_HOME/backprop-workbench/autosave}, else {@code ~/.backprop-workbench/autosave}. */
    public static Autosave forUser() {
        String set = System.getProperty(DIR_PROPERTY);
        Path dir;
        if (set != null && !set.isBlank()) {
            dir = Path.of(set);
        } else if (System.getenv("XDG_STATE_HOME") != null && !System.getenv("XDG_STATE_HOME").isBlank()) {
            dir = Path.of(System.getenv("XDG_STATE_HOME"), "backprop-workbench", "autosave");
        } else {
            dir = Path.of(System.getProperty("user.home"), ".backprop-workbench", "autosave");
        }
        return new Autosave(dir, ProcessHandle.current().pid());
    }

    /**
     * Work left by a workbench that did not exit cleanly.
     *
     * @param original the file the work belongs to, or null for a project never saved
     */
    public record Recovery(long pid, Path project, Path original, Instant savedAt, String name) {}

    /**
     * Writes this workbench's slot (atomically: a crash mid-write leaves the previous one). The
     * description goes first, so that a slot's project never lacks one.
     */
    public void save(Project p, Path original) throws IOException {
        Files.createDirectories(dir);
        Properties meta = new Properties();
        if (original != null) meta.setProperty("original", original.toAbsolutePath().toString());
        meta.setProperty("savedAt", Instant.now().toString());
        meta.setProperty("name", p.name() == null ? "" : p.name());
        Path tmp = Files.createTempFile(dir, ".meta", ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            meta.store(w, "Backprop Workbench autosave");
        }
        Files.move(tmp, metaFile(pid), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        ProjectFiles.write(p, projectFile(pid));
    }

    /** Deletes this workbench's slot. */
    public void discard() throws IOException {
        discard(pid);
    }

    public void discard(Recovery r) throws IOException {
        discard(r.pid());
    }

    private void discard(long id) throws IOException {
        Files.deleteIfExists(projectFile(id));
        Files.deleteIfExists(metaFile(id));
    }

    /** Slots of workbenches that are no longer running, newest first. */
    public List<Recovery> crashed() throws IOException {
        List<Recovery> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, PREFIX + "*.bpw.json")) {
            for (Path f : ds) {
                String n = f.getFileName().toString();
                long id;
                try {
                    id = Long.parseLong(n.substring(PREFIX.length(), n.length() - ".bpw.json".length()));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (id == pid || ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false)) continue;
                Properties meta = new Properties();
                Path m = metaFile(id);
                if (Files.isRegularFile(m)) {
                    try (Reader r = Files.newBufferedReader(m, StandardCharsets.UTF_8)) {
                        meta.load(r);
                    }
                }
                String original = meta.getProperty("original");
                Instant at;
                try {
                    at = Instant.parse(meta.getProperty("savedAt", ""));
                } catch (RuntimeException e) {
                    at = Files.getLastModifiedTime(f).toInstant();
                }
                out.add(new Recovery(id, f, original == null ? null : Path.of(original), at, meta.getProperty("name", "")));
            }
        }
        out.sort(Comparator.comparing(Recovery::savedAt).reversed());
        return out;
    }

    public Project read(Recovery r) throws IOException, ProjectFormatException {
        return ProjectFiles.read(r.project());
    }

    Path projectFile(long id) {
        return dir.resolve(PREFIX + id + ".bpw.json");
    }

    private Path metaFile(long id) {
        return dir.resolve(PREFIX + id + ".properties");
    }

    public Path dir() {
        return dir;
    }
}
