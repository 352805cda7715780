package io.kondo.core.credential;

/** The SCRAM mechanisms Kondo stores credentials for, with their JCA algorithm names. */
public enum ScramMechanism {
    SCRAM_SHA_256("SCRAM-SHA-256", "SHA-256", "HmacSHA256", "PBKDF2WithHmacSHA256", 32),
    SCRAM_SHA_512("SCRAM-SHA-512", "SHA-512", "HmacSHA512", "PBKDF2WithHmacSHA512", 64);

    /** Kafka's minimum for SCRAM iterations; also what Kondo uses. */
    public static final int DEFAULT_ITERATIONS = 4096;

    private final String saslName;
    private final String digest;
    private final String hmac;
    private final String pbkdf2;
    private final int keyLength;

    ScramMechanism(String saslName, String digest, String hmac, String pbkdf2, int keyLength) {
        this.saslName = saslName;
        this.digest = digest;
        this.hmac = hmac;
        this.pbkdf2 = pbkdf2;
        this.keyLength = keyLength;
    }

    /** The name a client sends in SaslHandshake, e.g. {@code SCRAM-SHA-256}. */
    public String saslName() {
        return saslName;
    }

    String digestAlgorithm() {
        return digest;
    }

    String hmacAlgorithm() {
        return hmac;
    }

    String pbkdf2Algorithm() {
        return pbkdf2;
    }

    int keyLength() {
        return keyLength;
    }
}
