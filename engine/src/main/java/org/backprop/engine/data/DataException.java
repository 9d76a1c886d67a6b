package org.backprop.engine.data;

/** Data that cannot be loaded or does not fit the network: the message says what and where. */
public final class DataException extends Exception {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
