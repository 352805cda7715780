package io.kondo.core.credential;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A salted SCRAM credential (RFC 5802): what the server keeps instead of a password.
 * Byte values are held base64-encoded so the record is a plain value (equality, JSON).
 *
 * @param mechanism  SCRAM-SHA-256 or SCRAM-SHA-512
 * @param salt       base64 salt
 * @param storedKey  base64 H(ClientKey)
 * @param serverKey  base64 HMAC(SaltedPassword, "Server Key")
 * @param iterations PBKDF2 iteration count
 */
public record ScramCredential(
        ScramMechanism mechanism, String salt, String storedKey, String serverKey, int iterations) {

    /** Length of the salts {@link #create} draws; decoy salts for unknown users match it. */
    static final int SALT_BYTES = 24;

    public ScramCredential {
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(storedKey, "storedKey");
        Objects.requireNonNull(serverKey, "serverKey");
        if (iterations < ScramMechanism.DEFAULT_ITERATIONS) {
            throw new IllegalArgumentException("SCRAM iterations must be at least "
                    + ScramMechanism.DEFAULT_ITERATIONS + ", got " + iterations);
        }
    }

    /** Derives a credential for {@code password} with a fresh random salt. */
    public static ScramCredential create(ScramMechanism mechanism, String password, RandomGenerator random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return derive(mechanism, password, salt, ScramMechanism.DEFAULT_ITERATIONS);
    }

    /** Derives the credential for {@code password} with the given salt and iterations. */
    public static ScramCredential derive(ScramMechanism mechanism, String password, byte[] salt, int iterations) {
        byte[] saltedPassword = saltedPassword(mechanism, password, salt, iterations);
        byte[] clientKey = hmac(mechanism, saltedPassword, "Client Key");
        byte[] serverKey = hmac(mechanism, saltedPassword, "Server Key");
        return new ScramCredential(mechanism, encode(salt), encode(digest(mechanism, clientKey)),
                encode(serverKey), iterations);
    }

    /** Whether {@code password} is the one this credential was derived from (constant-time compare). */
    public boolean verifies(String password) {
        ScramCredential candidate = derive(mechanism, password, saltBytes(), iterations);
        return MessageDigest.isEqual(storedKeyBytes(), candidate.storedKeyBytes())
                && MessageDigest.isEqual(serverKeyBytes(), candidate.serverKeyBytes());
    }

    public byte[] saltBytes() {
        return Base64.getDecoder().decode(salt);
    }

    public byte[] storedKeyBytes() {
        return Base64.getDecoder().decode(storedKey);
    }

    public byte[] serverKeyBytes() {
        return Base64.getDecoder().decode(serverKey);
    }

    private static byte[] saltedPassword(ScramMechanism mechanism, String password, byte[] salt, int iterations) {
        // Hi() of RFC 5802 is PBKDF2 with the mechanism's HMAC and a key as long as its hash.
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, mechanism.keyLength() * 8);
        try {
            return SecretKeyFactory.getInstance(mechanism.pbkdf2Algorithm()).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(mechanism.pbkdf2Algorithm() + " is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

    static byte[] hmac(ScramMechanism mechanism, byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance(mechanism.hmacAlgorithm());
            mac.init(new SecretKeySpec(key, mechanism.hmacAlgorithm()));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(mechanism.hmacAlgorithm() + " is not available in this JVM", e);
        }
    }

    static byte[] digest(ScramMechanism mechanism, byte[] data) {
        try {
            return MessageDigest.getInstance(mechanism.digestAlgorithm()).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(mechanism.digestAlgorithm() + " is not available in this JVM", e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
