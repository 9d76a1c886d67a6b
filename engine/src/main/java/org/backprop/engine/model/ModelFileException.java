package org.backprop.engine.model;

/** A model file that cannot be read or used: the message names the file and says what is wrong. */
public final class ModelFileException extends Exception {
    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
