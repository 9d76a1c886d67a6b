package org.backprop.app;

import org.backprop.app.i18n.Messages;
import org.backprop.engine.compile.CompileException;
import org.backprop.engine.data.DataException;
import org.backprop.engine.project.ProjectFormatException;
import org.backprop.engine.runtime.Nd4jRuntime;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * Something the user must be told: what failed ({@link Kind}, which picks the dialog's header)
 * and why, in the engine's own words. Never a stack trace.
 */
public record Problem(Kind kind, String message) {

    public enum Kind {
        OPEN("problem.open.title"),
        COMPILE("problem.compile.title"),
        DATA("problem.data.title"),
        SAVE("problem.save.title"),
        TRAINING("problem.training.title"),
        RUNTIME("problem.runtime.title"),
        NO_SAMPLE("problem.noSample.title");

        private final String titleKey;

        Kind(String titleKey) {
            this.titleKey = titleKey;
        }

        public String titleKey() {
            return titleKey;
        }
    }

    /**
     * @param io what an {@link IOException} means here: {@link Kind#OPEN} while reading, {@link Kind#SAVE} while writing
     */
    public static Problem of(Throwable t, Kind io) {
        if (t instanceof ProjectFormatException e) return new Problem(Kind.OPEN, e.getMessage());
        if (t instanceof CompileException e) return new Problem(Kind.COMPILE, String.join("\n", e.problems()));
        if (t instanceof DataException e) return new Problem(Kind.DATA, e.getMessage());
        if (t instanceof NoSuchFileException e) return new Problem(io, Messages.format("problem.io.noSuchFile", e.getFile()));
        if (t instanceof AccessDeniedException e) return new Problem(io, Messages.format("problem.io.accessDenied", e.getFile()));
        if (t instanceof IOException e) return new Problem(io, Messages.format("problem.io.other", String.valueOf(e.getMessage())));
        // ND4J's native backend failed to load (whatever was being done first): say why, not "Could not initialize class".
        if (t instanceof LinkageError) return new Problem(Kind.RUNTIME, Nd4jRuntime.startFailure(t));
        String m = t.getMessage();
        return new Problem(io, m == null || m.isBlank() ? t.getClass().getSimpleName() : m);
    }
}
