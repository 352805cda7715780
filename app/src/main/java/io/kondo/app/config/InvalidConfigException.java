package io.kondo.app.config;

/** Configuration that Kondo cannot start with; the message says which setting and why. */
public final class InvalidConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidConfigException(String message) {
        super(message);
    }
}
