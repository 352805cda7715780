package io.kondo.core.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of SCRAM written from RFC 5802 alone, sharing no code with the server: what
 * a Kafka client does, for driving {@link ScramServerExchange} in tests.
 */
final class ScramTestClient {

    private static final Pattern SERVER_FIRST = Pattern.compile("r=([^,]+),s=([^,]+),i=([0-9]+)");

    private final ScramMechanism mechanism;
    private final String hash;
    private final String gs2Header;
    private final String username;
    private final String password;
    private final String clientNonce;
    private final String extensions;
    private byte[] expectedServerSignature;

    ScramTestClient(ScramMechanism mechanism, String username, String password, String clientNonce) {
        this(mechanism, "n,,", username, password, clientNonce, "");
    }

    /** @param extensions appended to the client-first-message-bare, e.g. {@code ,tokenauth=false} */
    ScramTestClient(ScramMechanism mechanism, String gs2Header, String username, String password,
                    String clientNonce, String extensions) {
        this.mechanism = mechanism;
        this.hash = mechanism == ScramMechanism.SCRAM_SHA_256 ? "SHA256" : "SHA512";
        this.gs2Header = gs2Header;
        this.username = username;
        this.password = password;
        this.clientNonce = clientNonce;
        this.extensions = extensions;
    }

    byte[] clientFirst() {
        return utf8(gs2Header + bare());
    }

    /** Answers the server-first-message with the client-final-message. */
    byte[] clientFinal(byte[] serverFirstBytes) {
        String serverFirst = new String(serverFirstBytes, StandardCharsets.UTF_8);
        Matcher matcher = SERVER_FIRST.matcher(serverFirst);
        assertThat(matcher.matches()).as("server-first-message %s", serverFirst).isTrue();
        String nonce = matcher.group(1);
        assertThat(nonce).startsWith(clientNonce).hasSizeGreaterThan(clientNonce.length());
        byte[] salt = Base64.getDecoder().decode(matcher.group(2));
        byte[] saltedPassword = pbkdf2(salt, Integer.parseInt(matcher.group(3)));

        String withoutProof = "c=" + Base64.getEncoder().encodeToString(utf8(gs2Header)) + ",r=" + nonce;
        String authMessage = bare() + "," + serverFirst + "," + withoutProof;
        byte[] clientKey = hmac(saltedPassword, "Client Key");
        byte[] clientSignature = hmac(sha(clientKey), authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
        }
        expectedServerSignature = hmac(hmac(saltedPassword, "Server Key"), authMessage);
        return utf8(withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof));
    }

    ScramMechanism mechanism() {
        return mechanism;
    }

    void verifyServerFinal(byte[] serverFinal) {
        assertThat(new String(serverFinal, StandardCharsets.UTF_8))
                .isEqualTo("v=" + Base64.getEncoder().encodeToString(expectedServerSignature));
    }

    private String bare() {
        return "n=" + username.replace("=", "=3D").replace(",", "=2C") + ",r=" + clientNonce + extensions;
    }

    private byte[] pbkdf2(byte[] salt, int iterations) {
        int bits = hash.equals("SHA256") ? 256 : 512;
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmac" + hash)
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, bits)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("Hmac" + hash);
            mac.init(new SecretKeySpec(key, "Hmac" + hash));
            return mac.doFinal(utf8(message));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private byte[] sha(byte[] data) {
        try {
            return MessageDigest.getInstance(hash.equals("SHA256") ? "SHA-256" : "SHA-512").digest(data);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
