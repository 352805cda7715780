package io.kondo.core.credential;

import static io.kondo.core.credential.SaslAuthenticationException.malformed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Decoding shared by the SASL mechanisms: bounded strict UTF-8, SCRAM attributes, base64. */
final class SaslText {

    private SaslText() {
    }

    /** Decodes {@code message} as UTF-8, refusing null, oversized or invalid input. */
    static String decode(byte[] message, int maxBytes, String what) {
        if (message == null) {
            throw malformed(what, "no message");
        }
        if (message.length > maxBytes) {
            throw malformed(what, "longer than " + maxBytes + " bytes");
        }
        try {
            // newDecoder() reports malformed input instead of replacing it.
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(message)).toString();
        } catch (CharacterCodingException e) {
            throw malformed(what, "not valid UTF-8");
        }
    }

    /** The value of a SCRAM attribute {@code name=value}, refusing any other attribute. */
    static String attribute(String part, char name, String what) {
        if (part.length() < 2 || part.charAt(0) != name || part.charAt(1) != '=') {
            throw malformed(what, "expected attribute '" + name + "'");
        }
        return part.substring(2);
    }

    static byte[] base64(String value, String what) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw malformed(what, "invalid base64");
        }
    }
}
