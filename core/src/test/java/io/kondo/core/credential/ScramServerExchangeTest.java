package io.kondo.core.credential;

import static io.kondo.core.credential.ScramTestClient.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kondo.core.credential.ScramServerExchange.State;
import io.kondo.core.tenant.LogicalClusterId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ScramServerExchangeTest {

    private static final LogicalClusterId CLUSTER = new LogicalClusterId("lkc-abc123");
    private static final ApiKey.Issued ISSUED = ApiKey.issue(CLUSTER, "test", 0, new Random(11));
    private static final ApiKey KEY = ISSUED.apiKey();
    private static final String UNKNOWN = "NOSUCHKEY2345672";

    private final List<String> lookedUp = new ArrayList<>();
    private final ScramAuthenticator authenticator = new ScramAuthenticator(this::lookup, new Random(3));

    private Optional<ApiKey> lookup(String username) {
        lookedUp.add(username);
        return username.equals(KEY.key()) ? Optional.of(KEY) : Optional.empty();
    }

    // RFC 7677 section 3.
    private static final byte[] RFC_SALT = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
    private static final String RFC_CLIENT_NONCE = "rOprNGfwEbeRWgbNEkqO";
    private static final String RFC_SERVER_NONCE = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    private static final String RFC_SERVER_FIRST = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
            + "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    private static final String RFC_CLIENT_FINAL = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
            + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    private static final String RFC_SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    @Test
    void serverReproducesTheRfc7677Exchange() {
        ApiKey pencil = new ApiKey("AAAAAAAAAAAAAAAA", CLUSTER, "", Map.of(
                ScramMechanism.SCRAM_SHA_256, ScramCredential.derive(ScramMechanism.SCRAM_SHA_256, "pencil", RFC_SALT, 4096),
                ScramMechanism.SCRAM_SHA_512, ScramCredential.derive(ScramMechanism.SCRAM_SHA_512, "pencil", RFC_SALT, 4096)),
                0);
        ScramAuthenticator rfc = new ScramAuthenticator(
                name -> name.equals("user") ? Optional.of(pencil) : Optional.empty(), new Random(1));
        ScramServerExchange exchange = rfc.start(ScramMechanism.SCRAM_SHA_256, RFC_SERVER_NONCE);

        assertThat(text(exchange.evaluate(utf8("n,,n=user,r=" + RFC_CLIENT_NONCE)))).isEqualTo(RFC_SERVER_FIRST);
        assertThat(exchange.state()).isEqualTo(State.AWAITING_CLIENT_FINAL);
        assertThat(text(exchange.evaluate(utf8(RFC_CLIENT_FINAL)))).isEqualTo(RFC_SERVER_FINAL);
        assertThat(exchange.isComplete()).isTrue();
        assertThat(exchange.authenticated()).isSameAs(pencil);
    }

    @Test
    void testClientReproducesTheRfc7677ClientSide() {
        ScramTestClient client = new ScramTestClient(ScramMechanism.SCRAM_SHA_256, "user", "pencil", RFC_CLIENT_NONCE);

        assertThat(text(client.clientFirst())).isEqualTo("n,,n=user,r=" + RFC_CLIENT_NONCE);
        assertThat(text(client.clientFinal(utf8(RFC_SERVER_FIRST)))).isEqualTo(RFC_CLIENT_FINAL);
        client.verifyServerFinal(utf8(RFC_SERVER_FINAL));
    }

    @ParameterizedTest
    @EnumSource(ScramMechanism.class)
    void clientWithTheSecretAuthenticatesAndVerifiesTheServer(ScramMechanism mechanism) {
        ScramTestClient client = new ScramTestClient(mechanism, KEY.key(), ISSUED.secret(), "fyko+d2lbbFgONRv9qkxdawL");
        ScramServerExchange exchange = authenticator.start(mechanism);

        byte[] serverFirst = exchange.evaluate(client.clientFirst());
        client.verifyServerFinal(exchange.evaluate(client.clientFinal(serverFirst)));

        assertThat(exchange.isComplete()).isTrue();
        assertThat(exchange.authenticated()).isEqualTo(KEY);
        assertThat(text(serverFirst)).contains(",s=" + KEY.credential(mechanism).salt() + ",i=4096");
    }

    @Test
    void authorizationIdEqualToTheUsernameIsAccepted() {
        assertThat(authenticates(new ScramTestClient(ScramMechanism.SCRAM_SHA_256,
                "n,a=" + KEY.key() + ",", KEY.key(), ISSUED.secret(), "abc", ""))).isTrue();
    }

    @Test
    void clientThatSupportsChannelBindingButDoesNotUseItIsAccepted() {
        assertThat(authenticates(new ScramTestClient(ScramMechanism.SCRAM_SHA_512,
                "y,,", KEY.key(), ISSUED.secret(), "abc", ""))).isTrue();
    }

    @Test
    void unknownExtensionsAndTokenauthFalseAreIgnored() {
        assertThat(authenticates(new ScramTestClient(ScramMechanism.SCRAM_SHA_256,
                "n,,", KEY.key(), ISSUED.secret(), "abc", ",tokenauth=false,traceid=x=y"))).isTrue();
    }

    @Test
    void escapedUsernameIsLookedUpUnescaped() {
        authenticator.start(ScramMechanism.SCRAM_SHA_256).evaluate(utf8("n,,n=a=2Cb=3Dc,r=abc"));

        assertThat(lookedUp).containsExactly("a,b=c");
    }

    @ParameterizedTest
    @EnumSource(ScramMechanism.class)
    void wrongPasswordFailsAtTheProof(ScramMechanism mechanism) {
        ScramServerExchange exchange = authenticator.start(mechanism);

        SaslAuthenticationException failure = failAtProof(exchange, KEY.key(), ISSUED.secret() + "x");

        assertThat(failure).hasMessage(SaslAuthenticationException.INVALID_CREDENTIALS);
        assertThat(exchange.state()).isEqualTo(State.FAILED);
        assertThatThrownBy(exchange::authenticated).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(ScramMechanism.class)
    void unknownUserLooksLikeAKnownOneAndFailsLikeAWrongPassword(ScramMechanism mechanism) {
        String knownFirst = text(authenticator.start(mechanism).evaluate(utf8("n,,n=" + KEY.key() + ",r=abc")));
        String unknownFirst = text(authenticator.start(mechanism).evaluate(utf8("n,,n=" + UNKNOWN + ",r=abc")));
        String shape = "r=abc[A-Za-z0-9+/=]{32},s=[A-Za-z0-9+/=]{32},i=4096";
        assertThat(knownFirst).matches(shape);
        assertThat(unknownFirst).matches(shape);

        SaslAuthenticationException wrongPassword = failAtProof(authenticator.start(mechanism), KEY.key(), "guess");
        SaslAuthenticationException unknownUser = failAtProof(authenticator.start(mechanism), UNKNOWN, "guess");

        assertThat(unknownUser).hasSameClassAs(wrongPassword).hasMessage(wrongPassword.getMessage());
    }

    @Test
    void decoySaltIsStablePerUsernameWithinOneAuthenticatorOnly() {
        String salt = salt(authenticator, ScramMechanism.SCRAM_SHA_256, UNKNOWN);

        assertThat(salt(authenticator, ScramMechanism.SCRAM_SHA_256, UNKNOWN)).isEqualTo(salt);
        assertThat(salt(authenticator, ScramMechanism.SCRAM_SHA_256, "OTHERKEY23456723")).isNotEqualTo(salt);
        assertThat(salt(authenticator, ScramMechanism.SCRAM_SHA_512, UNKNOWN)).isNotEqualTo(salt);
        ScramAuthenticator otherProcess = new ScramAuthenticator(this::lookup, new Random(4));
        assertThat(salt(otherProcess, ScramMechanism.SCRAM_SHA_256, UNKNOWN)).isNotEqualTo(salt);
    }

    @Test
    void eachExchangeDrawsItsOwnServerNonce() {
        byte[] clientFirst = utf8("n,,n=" + KEY.key() + ",r=abc");

        assertThat(authenticator.start(ScramMechanism.SCRAM_SHA_256).evaluate(clientFirst))
                .isNotEqualTo(authenticator.start(ScramMechanism.SCRAM_SHA_256).evaluate(clientFirst));
    }

    static Stream<Arguments> refusedClientFirstMessages() {
        return Stream.of(
                Arguments.of("", "expected gs2 header, username and nonce"),
                Arguments.of("n,n=user,r=abc", "expected gs2 header, username and nonce"),
                Arguments.of("x,,n=user,r=abc", "invalid gs2 header"),
                Arguments.of("p=tls-unique,,n=user,r=abc", "channel binding is not supported"),
                Arguments.of("n,a=other,n=user,r=abc", "authorization id must be empty or the username"),
                Arguments.of("n,b=user,n=user,r=abc", "expected attribute 'a'"),
                Arguments.of("n,,m=ext,n=user,r=abc", "mandatory extensions are not supported"),
                Arguments.of("n,,r=abc,n=user", "expected attribute 'n'"),
                Arguments.of("n,,n=user,x=abc", "expected attribute 'r'"),
                Arguments.of("n,,n=,r=abc", "empty name"),
                Arguments.of("n,,n=us=er,r=abc", "invalid escape in name"),
                Arguments.of("n,,n=us=2cer,r=abc", "invalid escape in name"),
                Arguments.of("n,,n=us\0er,r=abc", "invalid escape in name"),
                Arguments.of("n,,n=user,r=", "invalid nonce"),
                Arguments.of("n,,n=user,r=ab\u00e9", "invalid nonce"),
                Arguments.of("n,,n=user,r=abc,junk", "invalid extension"),
                Arguments.of("n,,n=user,r=abc,tokenauth=true", "Delegation token authentication is not supported"),
                Arguments.of("n,,n=user,r=abc,tokenauth=TRUE", "Delegation token authentication is not supported"),
                Arguments.of("n,,n=" + "u".repeat(4096) + ",r=abc", "longer than 4096 bytes"));
    }

    @ParameterizedTest
    @MethodSource("refusedClientFirstMessages")
    void refusedClientFirstMessageFailsTheExchangeBeforeAnyLookup(String message, String reason) {
        ScramServerExchange exchange = authenticator.start(ScramMechanism.SCRAM_SHA_256);

        assertThatThrownBy(() -> exchange.evaluate(utf8(message)))
                .isInstanceOf(SaslAuthenticationException.class)
                .hasMessageContaining(reason);
        assertThat(exchange.state()).isEqualTo(State.FAILED);
        assertThat(lookedUp).isEmpty();
    }

    @Test
    void clientFirstThatIsNotUtf8IsRefused() {
        byte[] latin1 = "n,,n=\u00e9,r=abc".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> authenticator.start(ScramMechanism.SCRAM_SHA_256).evaluate(latin1))
                .isInstanceOf(SaslAuthenticationException.class)
                .hasMessage("Malformed SCRAM client-first-message: not valid UTF-8");
    }

    static Stream<Arguments> refusedClientFinalMessages() {
        String proof = ",p=" + Base64.getEncoder().encodeToString(new byte[32]);
        return Stream.of(
                Arguments.of((UnaryOperator<String>) nonce -> "c=eSws,r=" + nonce + proof, "channel binding does not match"),
                Arguments.of((UnaryOperator<String>) nonce -> "c=biws,r=" + nonce + "x" + proof, "nonce does not match"),
                Arguments.of((UnaryOperator<String>) nonce -> "c=biws,r=" + nonce.substring(1) + proof, "nonce does not match"),
                Arguments.of((UnaryOperator<String>) nonce -> "c=biws,r=" + nonce + ",p=%%%%", "invalid base64"),
                Arguments.of((UnaryOperator<String>) nonce -> "c=bi!s,r=" + nonce + proof, "invalid base64"),
                Arguments.of((UnaryOperator<String>) nonce -> "c=biws,r=" + nonce, "expected channel binding, nonce and proof"),
                Arguments.of((UnaryOperator<String>) nonce -> "c=biws,r=" + nonce + ",x=1", "expected attribute 'p'"),
                Arguments.of((UnaryOperator<String>) nonce -> "r=" + nonce + ",c=biws" + proof, "expected attribute 'c'"),
                Arguments.of((UnaryOperator<String>) nonce -> "c=biws,r=" + nonce + ",p=AAAA", "proof has the wrong length"),
                Arguments.of((UnaryOperator<String>) nonce -> "c=biws,r=" + nonce + proof + "x".repeat(4096),
                        "longer than 4096 bytes"));
    }

    @ParameterizedTest
    @MethodSource("refusedClientFinalMessages")
    void refusedClientFinalMessageFailsTheExchange(UnaryOperator<String> finalMessage, String reason) {
        ScramServerExchange exchange = authenticator.start(ScramMechanism.SCRAM_SHA_256);
        String nonce = text(exchange.evaluate(utf8("n,,n=" + KEY.key() + ",r=abc"))).split(",")[0].substring(2);

        assertThatThrownBy(() -> exchange.evaluate(utf8(finalMessage.apply(nonce))))
                .isInstanceOf(SaslAuthenticationException.class)
                .hasMessageContaining(reason);
        assertThat(exchange.state()).isEqualTo(State.FAILED);
    }

    @Test
    void evaluateAfterCompletionFailsTheExchange() {
        ScramTestClient client = new ScramTestClient(ScramMechanism.SCRAM_SHA_256, KEY.key(), ISSUED.secret(), "abc");
        ScramServerExchange exchange = authenticator.start(ScramMechanism.SCRAM_SHA_256);
        byte[] clientFinal = client.clientFinal(exchange.evaluate(client.clientFirst()));
        exchange.evaluate(clientFinal);

        assertThatThrownBy(() -> exchange.evaluate(clientFinal))
                .isInstanceOf(SaslAuthenticationException.class)
                .hasMessage("SCRAM exchange is already complete");
        assertThat(exchange.state()).isEqualTo(State.FAILED);
        assertThatThrownBy(exchange::authenticated).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void failedExchangeStaysFailedEvenForAValidMessage() {
        ScramTestClient client = new ScramTestClient(ScramMechanism.SCRAM_SHA_256, KEY.key(), ISSUED.secret(), "abc");
        ScramServerExchange exchange = authenticator.start(ScramMechanism.SCRAM_SHA_256);
        assertThatThrownBy(() -> exchange.evaluate(utf8("garbage"))).isInstanceOf(SaslAuthenticationException.class);

        assertThatThrownBy(() -> exchange.evaluate(client.clientFirst()))
                .isInstanceOf(SaslAuthenticationException.class)
                .hasMessage("SCRAM exchange has already failed");
        assertThat(exchange.state()).isEqualTo(State.FAILED);
    }

    @Test
    void authenticatedKeyIsUnavailableBeforeCompletion() {
        ScramServerExchange exchange = authenticator.start(ScramMechanism.SCRAM_SHA_256);
        assertThatThrownBy(exchange::authenticated).isInstanceOf(IllegalStateException.class);

        exchange.evaluate(utf8("n,,n=" + KEY.key() + ",r=abc"));
        assertThatThrownBy(exchange::authenticated).isInstanceOf(IllegalStateException.class);
    }

    private boolean authenticates(ScramTestClient client) {
        ScramServerExchange exchange = authenticator.start(client.mechanism());
        client.verifyServerFinal(exchange.evaluate(client.clientFinal(exchange.evaluate(client.clientFirst()))));
        return exchange.isComplete() && exchange.authenticated().equals(KEY);
    }

    private static SaslAuthenticationException failAtProof(ScramServerExchange exchange, String username, String password) {
        ScramTestClient client = new ScramTestClient(exchange.mechanism(), username, password, "abc");
        byte[] clientFinal = client.clientFinal(exchange.evaluate(client.clientFirst()));
        return catchThrowableOfType(SaslAuthenticationException.class, () -> exchange.evaluate(clientFinal));
    }

    private static String salt(ScramAuthenticator authenticator, ScramMechanism mechanism, String username) {
        String serverFirst = text(authenticator.start(mechanism).evaluate(utf8("n,,n=" + username + ",r=abc")));
        return serverFirst.split(",")[1];
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
