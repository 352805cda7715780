package io.kondo.controlplane.tenants;

/** A request about tenants that cannot be carried out, with the reason in the caller's terms. */
public final class TenantRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a request failed; the HTTP layer maps each to one status. */
    public enum Reason {
        INVALID,
        NOT_FOUND,
        CONFLICT,
        UNKNOWN_PLAN,
        BACKING_UNAVAILABLE
    }

    private final Reason reason;

    public TenantRequestException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public TenantRequestException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
