package io.kondo.core.credential;

import static io.kondo.core.credential.SaslAuthenticationException.malformed;

/**
 * A parsed SCRAM client-first-message (RFC 5802 section 7) as Kafka clients send it:
 * {@code n,[a=authzid],n=user,r=nonce[,key=value...]}.
 *
 * @param gs2Header   the header up to and including its second comma, e.g. {@code n,,}
 * @param bare        the client-first-message-bare, which the AuthMessage signs
 * @param username    the username, SCRAM escapes undone
 * @param clientNonce the client's nonce
 */
record ScramClientFirstMessage(String gs2Header, String bare, String username, String clientNonce) {

    private static final String WHAT = "SCRAM client-first-message";

    static ScramClientFirstMessage parse(String message) {
        String[] parts = message.split(",", -1);
        if (parts.length < 4) {
            throw malformed(WHAT, "expected gs2 header, username and nonce");
        }
        requireNoChannelBinding(parts[0]);
        if (parts[2].startsWith("m=")) {
            throw new SaslAuthenticationException("SCRAM mandatory extensions are not supported");
        }
        String username = unescape(SaslText.attribute(parts[2], 'n', WHAT));
        String clientNonce = SaslText.attribute(parts[3], 'r', WHAT);
        if (!isPrintable(clientNonce)) {
            throw malformed(WHAT, "invalid nonce");
        }
        if (!parts[1].isEmpty() && !unescape(SaslText.attribute(parts[1], 'a', WHAT)).equals(username)) {
            throw new SaslAuthenticationException("SCRAM authorization id must be empty or the username");
        }
        for (int i = 4; i < parts.length; i++) {
            checkExtension(parts[i]);
        }
        int bareStart = parts[0].length() + parts[1].length() + 2;
        return new ScramClientFirstMessage(
                message.substring(0, bareStart), message.substring(bareStart), username, clientNonce);
    }

    private static void requireNoChannelBinding(String flag) {
        if (flag.startsWith("p=")) {
            throw new SaslAuthenticationException("SCRAM channel binding is not supported");
        }
        // "y": the client supports channel binding but thinks the server does not; true here.
        if (!flag.equals("n") && !flag.equals("y")) {
            throw malformed(WHAT, "invalid gs2 header");
        }
    }

    /** Kafka sends extensions as {@code key=value}; all are ignored except token authentication. */
    private static void checkExtension(String extension) {
        int equals = extension.indexOf('=');
        if (equals < 1) {
            throw malformed(WHAT, "invalid extension");
        }
        if (extension.substring(0, equals).equals("tokenauth")
                && extension.substring(equals + 1).equalsIgnoreCase("true")) {
            throw new SaslAuthenticationException("Delegation token authentication is not supported");
        }
    }

    /** Undoes SCRAM's {@code =2C} and {@code =3D}; any other {@code =} or a NUL is malformed. */
    static String unescape(String saslName) {
        StringBuilder out = new StringBuilder(saslName.length());
        for (int i = 0; i < saslName.length(); i++) {
            char c = saslName.charAt(i);
            if (c == '=' && saslName.startsWith("=2C", i)) {
                out.append(',');
                i += 2;
            } else if (c == '=' && saslName.startsWith("=3D", i)) {
                out.append('=');
                i += 2;
            } else if (c == '=' || c == '\0') {
                throw malformed(WHAT, "invalid escape in name");
            } else {
                out.append(c);
            }
        }
        if (out.length() == 0) {
            throw malformed(WHAT, "empty name");
        }
        return out.toString();
    }

    /** RFC 5802 {@code printable}: non-empty, ASCII 0x21-0x7E except the comma. */
    private static boolean isPrintable(String nonce) {
        return !nonce.isEmpty() && nonce.chars().allMatch(c -> c >= 0x21 && c <= 0x7E && c != ',');
    }
}
