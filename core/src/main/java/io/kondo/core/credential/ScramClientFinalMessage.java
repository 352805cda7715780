package io.kondo.core.credential;

import static io.kondo.core.credential.SaslAuthenticationException.malformed;

/**
 * A parsed SCRAM client-final-message (RFC 5802 section 7):
 * {@code c=channel-binding,r=nonce[,extensions],p=proof}. Extensions are ignored.
 *
 * @param channelBinding the decoded {@code c=} value; without channel binding, the gs2 header
 * @param nonce          the client and server nonces together
 * @param withoutProof   the message up to the proof, which the AuthMessage signs
 * @param proof          the decoded ClientProof
 */
record ScramClientFinalMessage(byte[] channelBinding, String nonce, String withoutProof, byte[] proof) {

    private static final String WHAT = "SCRAM client-final-message";

    static ScramClientFinalMessage parse(String message) {
        String[] parts = message.split(",", -1);
        if (parts.length < 3) {
            throw malformed(WHAT, "expected channel binding, nonce and proof");
        }
        byte[] channelBinding = SaslText.base64(SaslText.attribute(parts[0], 'c', WHAT), WHAT);
        String nonce = SaslText.attribute(parts[1], 'r', WHAT);
        // The proof is the last attribute; base64 has no commas.
        byte[] proof = SaslText.base64(SaslText.attribute(parts[parts.length - 1], 'p', WHAT), WHAT);
        return new ScramClientFinalMessage(channelBinding, nonce, message.substring(0, message.lastIndexOf(',')), proof);
    }
}
