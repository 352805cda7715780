package io.kondo.core.credential;

import static io.kondo.core.credential.ScramTestClient.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kondo.core.tenant.LogicalClusterId;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlainAuthenticatorTest {

    private static final ApiKey.Issued ISSUED =
            ApiKey.issue(new LogicalClusterId("lkc-abc123"), "test", 0, new Random(13));
    private static final ApiKey KEY = ISSUED.apiKey();
    private static final String SECRET = ISSUED.secret();

    private final PlainAuthenticator authenticator =
            new PlainAuthenticator(name -> name.equals(KEY.key()) ? Optional.of(KEY) : Optional.empty());

    @Test
    void keyAndSecretAuthenticate() {
        assertThat(authenticator.authenticate(utf8("\0" + KEY.key() + "\0" + SECRET))).isEqualTo(KEY);
    }

    @Test
    void authorizationIdEqualToTheUsernameIsAccepted() {
        assertThat(authenticator.authenticate(utf8(KEY.key() + "\0" + KEY.key() + "\0" + SECRET))).isEqualTo(KEY);
    }

    @Test
    void authorizationIdOfAnotherUserIsRefused() {
        assertThatThrownBy(() -> authenticator.authenticate(utf8("OTHERKEY23456723\0" + KEY.key() + "\0" + SECRET)))
                .isInstanceOf(SaslAuthenticationException.class)
                .hasMessage("SASL/PLAIN authorization id must be empty or the username");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                    | expected [authzid] NUL username NUL password",
            "user                  | expected [authzid] NUL username NUL password",
            "user\\0secret         | expected [authzid] NUL username NUL password",
            "\\0user\\0sec\\0ret   | expected [authzid] NUL username NUL password",
            "\\0\\0secret          | empty username",
            "\\0user\\0            | empty password",
    })
    void malformedMessageIsRefused(String message, String reason) {
        assertThatThrownBy(() -> authenticator.authenticate(utf8(message.replace("\\0", "\0"))))
                .isInstanceOf(SaslAuthenticationException.class)
                .hasMessage("Malformed SASL/PLAIN message: " + reason);
    }

    @Test
    void oversizedMessageIsRefused() {
        byte[] message = utf8("\0" + KEY.key() + "\0" + "p".repeat(PlainAuthenticator.MAX_MESSAGE_BYTES));

        assertThatThrownBy(() -> authenticator.authenticate(message))
                .isInstanceOf(SaslAuthenticationException.class)
                .hasMessage("Malformed SASL/PLAIN message: longer than 1024 bytes");
    }

    @Test
    void missingMessageIsRefused() {
        assertThatThrownBy(() -> authenticator.authenticate(null))
                .isInstanceOf(SaslAuthenticationException.class)
                .hasMessage("Malformed SASL/PLAIN message: no message");
    }

    @Test
    void unknownUserAndWrongPasswordFailAlike() {
        SaslAuthenticationException wrongPassword = catchThrowableOfType(SaslAuthenticationException.class,
                () -> authenticator.authenticate(utf8("\0" + KEY.key() + "\0" + SECRET + "x")));
        SaslAuthenticationException unknownUser = catchThrowableOfType(SaslAuthenticationException.class,
                () -> authenticator.authenticate(utf8("\0NOSUCHKEY2345672\0" + SECRET)));

        assertThat(wrongPassword).hasMessage(SaslAuthenticationException.INVALID_CREDENTIALS);
        assertThat(unknownUser).hasSameClassAs(wrongPassword).hasMessage(wrongPassword.getMessage());
    }
}
