package org.backprop.engine.lesson;

/** A lesson file that cannot be read: the message names the file, the line and the field. */
public final class LessonFormatException extends Exception {
    private final int line;

    public LessonFormatException(String message, int line) {
        super(message);
        this.line = line;
    }

    /** The 1-based line of the problem, or -1 when it concerns the whole file. */
    public int line() {
        return line;
    }
}
