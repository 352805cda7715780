package io.kondo.core.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScramCredentialTest {

    // RFC 7677 section 3: user "user", password "pencil".
    private static final byte[] RFC_SALT = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
    private static final String AUTH_MESSAGE = "n=user,r=rOprNGfwEbeRWgbNEkqO,"
            + "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,"
            + "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    private static final String RFC_CLIENT_PROOF = "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    private static final String RFC_SERVER_SIGNATURE = "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    @Test
    void derivedServerKeyProducesTheRfc7677ServerSignature() {
        ScramCredential credential = ScramCredential.derive(ScramMechanism.SCRAM_SHA_256, "pencil", RFC_SALT, 4096);

        byte[] signature = ScramCredential.hmac(ScramMechanism.SCRAM_SHA_256, credential.serverKeyBytes(), AUTH_MESSAGE);

        assertThat(Base64.getEncoder().encodeToString(signature)).isEqualTo(RFC_SERVER_SIGNATURE);
    }

    @Test
    void derivedStoredKeyAcceptsTheRfc7677ClientProof() {
        ScramCredential credential = ScramCredential.derive(ScramMechanism.SCRAM_SHA_256, "pencil", RFC_SALT, 4096);

        byte[] clientSignature = ScramCredential.hmac(ScramMechanism.SCRAM_SHA_256, credential.storedKeyBytes(), AUTH_MESSAGE);
        byte[] proof = Base64.getDecoder().decode(RFC_CLIENT_PROOF);
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }

        assertThat(ScramCredential.digest(ScramMechanism.SCRAM_SHA_256, clientKey))
                .isEqualTo(credential.storedKeyBytes());
    }

    @Test
    void verifiesTheRightPasswordAndNoOther() {
        for (ScramMechanism mechanism : ScramMechanism.values()) {
            ScramCredential credential = ScramCredential.create(mechanism, "s3cret", new Random(1));

            assertThat(credential.verifies("s3cret")).as(mechanism.saslName()).isTrue();
            assertThat(credential.verifies("s3cres")).as(mechanism.saslName()).isFalse();
            assertThat(credential.verifies("")).as(mechanism.saslName()).isFalse();
        }
    }

    @Test
    void freshCredentialsOfOnePasswordUseDifferentSalts() {
        Random random = new Random(7);
        ScramCredential first = ScramCredential.create(ScramMechanism.SCRAM_SHA_512, "pw", random);
        ScramCredential second = ScramCredential.create(ScramMechanism.SCRAM_SHA_512, "pw", random);

        assertThat(first.salt()).isNotEqualTo(second.salt());
        assertThat(first.storedKey()).isNotEqualTo(second.storedKey());
        assertThat(first.storedKeyBytes()).hasSize(64);
    }

    @Test
    void refusesFewerIterationsThanKafkaAllows() {
        assertThatThrownBy(() -> ScramCredential.derive(ScramMechanism.SCRAM_SHA_256, "pw",
                "salt".getBytes(StandardCharsets.UTF_8), 1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 4096");
    }
}
