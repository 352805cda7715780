package io.kondo.core.credential;

import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Starts SCRAM exchanges against API keys: the username is the API key, the password its
 * secret. One per process, shared by all connections; its decoy salts for unknown users stay
 * the same for as long as it lives.
 */
public final class ScramAuthenticator {

    private static final int NONCE_BYTES = 24;

    private final Function<String, Optional<ApiKey>> lookup;
    private final RandomGenerator random;
    private final DecoyCredentials decoys;

    /**
     * @param lookup finds the API key a username names; must not throw for unknown names
     * @param random source of server nonces and of the decoy key; use a {@code SecureRandom}
     *     outside tests. Only drawn from under this authenticator's lock.
     */
    public ScramAuthenticator(Function<String, Optional<ApiKey>> lookup, RandomGenerator random) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.random = Objects.requireNonNull(random, "random");
        this.decoys = new DecoyCredentials(random);
    }

    /** Starts an exchange for one connection that chose {@code mechanism} in SaslHandshake. */
    public ScramServerExchange start(ScramMechanism mechanism) {
        return start(mechanism, nextNonce());
    }

    /** Starts an exchange with a given server nonce, to reproduce published test vectors. */
    ScramServerExchange start(ScramMechanism mechanism, String serverNonce) {
        return new ScramServerExchange(mechanism, lookup, decoys, serverNonce);
    }

    private synchronized String nextNonce() {
        byte[] bytes = new byte[NONCE_BYTES];
        random.nextBytes(bytes);
        // Base64 is printable and has no comma, as RFC 5802 requires of a nonce.
        return Base64.getEncoder().encodeToString(bytes);
    }
}
