package io.kondo.core.credential;

import java.util.Base64;
import java.util.random.RandomGenerator;

/**
 * Stand-in SCRAM credentials for usernames that have no API key, so that a SCRAM exchange for
 * an unknown user looks like one for a known user until the proof fails. Every value is an
 * HMAC of the username under a key drawn once per instance: stable for one username (asking
 * twice does not tell real from fake), unguessable without the key, and never verifiable.
 */
final class DecoyCredentials {

    private static final int KEY_BYTES = 32;

    private final byte[] key;

    DecoyCredentials(RandomGenerator random) {
        key = new byte[KEY_BYTES];
        random.nextBytes(key);
    }

    ScramCredential forUnknownUser(ScramMechanism mechanism, String username) {
        byte[] salt = new byte[ScramCredential.SALT_BYTES];
        System.arraycopy(derive(mechanism, "salt", username), 0, salt, 0, salt.length);
        return new ScramCredential(mechanism, encode(salt),
                encode(derive(mechanism, "stored key", username)),
                encode(derive(mechanism, "server key", username)),
                ScramMechanism.DEFAULT_ITERATIONS);
    }

    private byte[] derive(ScramMechanism mechanism, String purpose, String username) {
        // Usernames cannot contain NUL (SCRAM refuses it), so the fields cannot run together.
        return ScramCredential.hmac(mechanism, key, purpose + '\0' + mechanism.saslName() + '\0' + username);
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
