package io.kondo.protocol.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.RequestDecision;
import io.kondo.protocol.TestTenant;
import io.kondo.protocol.TenantRequestHandler;
import io.kondo.protocol.ApiVersionsAdvertiser;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.CreateAclsRequestData;
import org.apache.kafka.common.message.CreateAclsResponseData;
import org.apache.kafka.common.message.SaslHandshakeRequestData;
import org.apache.kafka.common.message.SaslHandshakeResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

class FailClosedTest {

    private final Exchange exchange = new Exchange(new TestTenant());

    @Test
    void anUnhandledApiIsAnsweredWithAnErrorAndNeverForwarded() {
        CreateAclsResponseData answer = (CreateAclsResponseData) exchange.answer(new CreateAclsRequestData(), (short) 3);

        assertThat(answer.results()).allSatisfy(r -> assertThat(r.errorCode()).isEqualTo(Errors.UNSUPPORTED_VERSION.code()));
    }

    @Test
    void saslAfterAuthenticationIsAnIllegalState() {
        SaslHandshakeResponseData answer = (SaslHandshakeResponseData) exchange.answer(
                new SaslHandshakeRequestData().setMechanism("PLAIN"), (short) 1);

        assertThat(answer.errorCode()).isEqualTo(Errors.ILLEGAL_SASL_STATE.code());
    }

    @Test
    void apiVersionsAdvertisesOnlyHandledApis() {
        ApiVersionsResponseData answer = (ApiVersionsResponseData) exchange.answer(new ApiVersionsRequestData()
                .setClientSoftwareName("test").setClientSoftwareVersion("1"), (short) 3);

        Set<ApiKeys> advertised = answer.apiKeys().stream().map(k -> ApiKeys.forId(k.apiKey())).collect(Collectors.toSet());
        Set<ApiKeys> expected = new HandledApis().all().keySet().stream().collect(Collectors.toSet());
        expected.addAll(Set.of(ApiKeys.API_VERSIONS, ApiKeys.SASL_HANDSHAKE, ApiKeys.SASL_AUTHENTICATE));
        assertThat(advertised).isEqualTo(expected).doesNotContain(ApiKeys.CREATE_ACLS, ApiKeys.ALTER_PARTITION_REASSIGNMENTS);
        assertThat(answer.apiKeys().find(ApiKeys.SASL_HANDSHAKE.id).minVersion()).isEqualTo((short) 0);
        assertThat(answer.apiKeys().find(ApiKeys.SASL_HANDSHAKE.id).maxVersion()).isEqualTo((short) 1);
    }

    @Test
    void anApiVersionsNewerThanKondoKnowsGetsTheV0AnswerToRetry() {
        ByteBuffer frame = ByteBuffer.allocate(10).putShort(ApiKeys.API_VERSIONS.id).putShort((short) 99).putInt(7)
                .putShort((short) -1).flip();
        ApiVersionsAdvertiser advertiser = new ApiVersionsAdvertiser(new HandledApis(), Exchange.everything());

        ByteBuffer response = advertiser.respond(frame);
        response.getInt();

        assertThat(response.getInt()).isEqualTo(7);
        assertThat(response.getShort()).isEqualTo(Errors.UNSUPPORTED_VERSION.code());
    }

    @Test
    void aMalformedFrameClosesTheConnection() {
        TenantRequestHandler handler = new TenantRequestHandler(new TestTenant(), new HandledApis(),
                new ApiVersionsAdvertiser(new HandledApis(), Exchange.everything()));

        assertThat(handler.onRequest(ByteBuffer.wrap(new byte[] {0, 3, 0, 12, 0, 0, 0, 1, 0, 5, 'a'})))
                .isInstanceOf(RequestDecision.Close.class);
        assertThat(handler.onRequest(ByteBuffer.wrap(new byte[] {0x7f, 0x7f, 0, 0, 0, 0, 0, 1})))
                .isInstanceOf(RequestDecision.Close.class);
        assertThat(handler.onRequest(ByteBuffer.wrap(new byte[] {0, 3})))
                .isInstanceOf(RequestDecision.Close.class);
    }
}
