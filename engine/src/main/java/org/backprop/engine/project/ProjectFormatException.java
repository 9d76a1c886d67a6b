package org.backprop.engine.project;

/** A project file that cannot be read: the message says what is wrong and where. */
public final class ProjectFormatException extends Exception {
    private final int line;

    public ProjectFormatException(String message, int line) {
        super(message);
        this.line = line;
    }

    /** The 1-based line of the problem, or -1 when it concerns the whole file. */
    public int line() {
        return line;
    }
}
