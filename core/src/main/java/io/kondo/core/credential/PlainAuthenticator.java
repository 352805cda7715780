package io.kondo.core.credential;

import static io.kondo.core.credential.SaslAuthenticationException.malformed;

import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The server side of SASL/PLAIN (RFC 4616): checks the single client message
 * {@code [authzid] NUL authcid NUL passwd} against API keys. The username is the API key,
 * the password its secret. Stateless and safe to share between connections.
 */
public final class PlainAuthenticator {

    /** Upper bound of a PLAIN message; RFC 4616 allows 255 bytes per field. */
    public static final int MAX_MESSAGE_BYTES = 1024;

    private static final String WHAT = "SASL/PLAIN message";

    // Checked when the user is unknown, so that a miss costs the same PBKDF2 work as a wrong
    // password. Its stored key is all zeros: no password derives to it.
    private static final ScramCredential DECOY = new ScramCredential(ScramMechanism.SCRAM_SHA_256,
            zeros(ScramCredential.SALT_BYTES), zeros(32), zeros(32), ScramMechanism.DEFAULT_ITERATIONS);

    private final Function<String, Optional<ApiKey>> lookup;

    /** @param lookup finds the API key a username names; must not throw for unknown names */
    public PlainAuthenticator(Function<String, Optional<ApiKey>> lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /**
     * Authenticates one SaslAuthenticate payload.
     *
     * @return the API key whose secret the client presented
     * @throws SaslAuthenticationException if the message is malformed or the credentials are
     *     wrong; an unknown user and a wrong password fail with the same message
     */
    public ApiKey authenticate(byte[] message) {
        String[] fields = SaslText.decode(message, MAX_MESSAGE_BYTES, WHAT).split("\0", -1);
        if (fields.length != 3) {
            throw malformed(WHAT, "expected [authzid] NUL username NUL password");
        }
        String authzid = fields[0];
        String username = fields[1];
        String password = fields[2];
        if (username.isEmpty()) {
            throw malformed(WHAT, "empty username");
        }
        if (password.isEmpty()) {
            throw malformed(WHAT, "empty password");
        }
        if (!authzid.isEmpty() && !authzid.equals(username)) {
            throw new SaslAuthenticationException("SASL/PLAIN authorization id must be empty or the username");
        }
        Optional<ApiKey> apiKey = Objects.requireNonNull(lookup.apply(username), "lookup result");
        if (apiKey.isEmpty()) {
            DECOY.verifies(password);
            throw SaslAuthenticationException.invalidCredentials();
        }
        if (!apiKey.get().verifies(password)) {
            throw SaslAuthenticationException.invalidCredentials();
        }
        return apiKey.get();
    }

    private static String zeros(int length) {
        return Base64.getEncoder().encodeToString(new byte[length]);
    }
}
