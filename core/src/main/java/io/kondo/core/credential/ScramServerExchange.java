package io.kondo.core.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The server side of one SCRAM-SHA-256 or SCRAM-SHA-512 exchange (RFC 5802, RFC 7677) on one
 * connection: feed it each SaslAuthenticate payload, send back what it returns. Created by
 * {@link ScramAuthenticator#start}. Not thread-safe: one connection, one exchange.
 *
 * <p>An unknown username is not revealed: the exchange goes on with a decoy salt and fails at
 * the proof exactly as a wrong password does. Any failure, including a message out of turn,
 * leaves the exchange {@link State#FAILED} for good.
 */
public final class ScramServerExchange {

    /** Upper bound of each client message. */
    public static final int MAX_MESSAGE_BYTES = 4096;

    /** Where the exchange stands. */
    public enum State { AWAITING_CLIENT_FIRST, AWAITING_CLIENT_FINAL, COMPLETE, FAILED }

    /** What the server keeps between its first and final message. */
    private record Pending(ScramClientFirstMessage clientFirst, String nonce, String serverFirst,
                           Optional<ApiKey> apiKey, ScramCredential credential) {
    }

    private final ScramMechanism mechanism;
    private final Function<String, Optional<ApiKey>> lookup;
    private final DecoyCredentials decoys;
    private final String serverNonce;
    private State state = State.AWAITING_CLIENT_FIRST;
    private Pending pending;
    private ApiKey authenticated;

    ScramServerExchange(ScramMechanism mechanism, Function<String, Optional<ApiKey>> lookup,
                        DecoyCredentials decoys, String serverNonce) {
        this.mechanism = Objects.requireNonNull(mechanism, "mechanism");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.decoys = Objects.requireNonNull(decoys, "decoys");
        this.serverNonce = Objects.requireNonNull(serverNonce, "serverNonce");
    }

    /**
     * Takes the client's next message and returns the server's reply: the server-first-message
     * for the client-first-message, the server-final-message for the client-final-message.
     *
     * @throws SaslAuthenticationException if the message is malformed, refused, out of turn or
     *     carries a wrong proof; the exchange is then failed
     */
    public byte[] evaluate(byte[] clientMessage) {
        State current = state;
        state = State.FAILED; // each step sets the next state only once it has succeeded
        String reply = switch (current) {
            case AWAITING_CLIENT_FIRST -> receiveClientFirst(clientMessage);
            case AWAITING_CLIENT_FINAL -> receiveClientFinal(clientMessage);
            case COMPLETE -> throw new SaslAuthenticationException("SCRAM exchange is already complete");
            case FAILED -> throw new SaslAuthenticationException("SCRAM exchange has already failed");
        };
        return reply.getBytes(StandardCharsets.UTF_8);
    }

    public State state() {
        return state;
    }

    public boolean isComplete() {
        return state == State.COMPLETE;
    }

    public ScramMechanism mechanism() {
        return mechanism;
    }

    /**
     * The API key the client proved it holds.
     *
     * @throws IllegalStateException unless the exchange is complete
     */
    public ApiKey authenticated() {
        if (state != State.COMPLETE) {
            throw new IllegalStateException("SCRAM exchange is not complete: " + state);
        }
        return authenticated;
    }

    private String receiveClientFirst(byte[] message) {
        ScramClientFirstMessage clientFirst = ScramClientFirstMessage.parse(
                SaslText.decode(message, MAX_MESSAGE_BYTES, "SCRAM client-first-message"));
        Optional<ApiKey> apiKey = Objects.requireNonNull(lookup.apply(clientFirst.username()), "lookup result");
        ScramCredential credential = apiKey.map(key -> key.credential(mechanism))
                .orElseGet(() -> decoys.forUnknownUser(mechanism, clientFirst.username()));
        String nonce = clientFirst.clientNonce() + serverNonce;
        String serverFirst = "r=" + nonce + ",s=" + credential.salt() + ",i=" + credential.iterations();
        pending = new Pending(clientFirst, nonce, serverFirst, apiKey, credential);
        state = State.AWAITING_CLIENT_FINAL;
        return serverFirst;
    }

    private String receiveClientFinal(byte[] message) {
        Pending first = pending;
        pending = null;
        ScramClientFinalMessage clientFinal = ScramClientFinalMessage.parse(
                SaslText.decode(message, MAX_MESSAGE_BYTES, "SCRAM client-final-message"));
        if (!Arrays.equals(clientFinal.channelBinding(),
                first.clientFirst().gs2Header().getBytes(StandardCharsets.UTF_8))) {
            throw new SaslAuthenticationException("SCRAM channel binding does not match the gs2 header");
        }
        if (!clientFinal.nonce().equals(first.nonce())) {
            throw new SaslAuthenticationException("SCRAM nonce does not match");
        }
        String authMessage = first.clientFirst().bare() + "," + first.serverFirst() + "," + clientFinal.withoutProof();
        if (!proofMatches(first.credential(), clientFinal.proof(), authMessage) || first.apiKey().isEmpty()) {
            throw SaslAuthenticationException.invalidCredentials();
        }
        authenticated = first.apiKey().get();
        state = State.COMPLETE;
        byte[] serverSignature = ScramCredential.hmac(mechanism, first.credential().serverKeyBytes(), authMessage);
        return "v=" + Base64.getEncoder().encodeToString(serverSignature);
    }

    /** H(ClientProof XOR HMAC(StoredKey, AuthMessage)) must be StoredKey. */
    private boolean proofMatches(ScramCredential credential, byte[] proof, String authMessage) {
        byte[] storedKey = credential.storedKeyBytes();
        if (proof.length != storedKey.length) {
            throw SaslAuthenticationException.malformed("SCRAM client-final-message", "proof has the wrong length");
        }
        byte[] clientSignature = ScramCredential.hmac(mechanism, storedKey, authMessage);
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        return MessageDigest.isEqual(ScramCredential.digest(mechanism, clientKey), storedKey);
    }
}
