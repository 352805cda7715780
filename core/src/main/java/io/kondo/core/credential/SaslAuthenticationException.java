package io.kondo.core.credential;

/**
 * A SASL exchange failed. The message is safe to send to the client: it never contains a secret,
 * echoes no client input, and reads the same whether the user is unknown or the password is wrong.
 */
public final class SaslAuthenticationException extends RuntimeException {

    /** The one message for an unknown user and a wrong password alike. */
    public static final String INVALID_CREDENTIALS = "Authentication failed: invalid username or password";

    public SaslAuthenticationException(String message) {
        super(message);
    }

    static SaslAuthenticationException invalidCredentials() {
        return new SaslAuthenticationException(INVALID_CREDENTIALS);
    }

    static SaslAuthenticationException malformed(String what, String detail) {
        return new SaslAuthenticationException("Malformed " + what + ": " + detail);
    }
}
