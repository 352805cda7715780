package io.kondo.metadata;

/** The backing cluster could not take or confirm a metadata change in time. Nothing is half-done locally. */
public final class MetadataUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MetadataUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
