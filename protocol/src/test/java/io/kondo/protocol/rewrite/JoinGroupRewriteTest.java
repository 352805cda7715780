package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocol;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.JoinGroupResponseData.JoinGroupResponseMember;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JoinGroupRewriteTest {

    private static final byte[] SUBSCRIPTION = {0, 1, 0, 0, 0, 1, 0, 6, 'o', 'r', 'd', 'e', 'r', 's'};

    private final Exchange exchange = new Exchange(new TestTenant());

    @ParameterizedTest
    @ValueSource(shorts = {0, 5, 6, 9})
    void groupIdIsPrefixedAndProtocolMetadataPassesOpaque(short version) {
        JoinGroupRequestData request = new JoinGroupRequestData().setGroupId("billing").setSessionTimeoutMs(10_000)
                .setMemberId("").setProtocolType("consumer");
        request.protocols().add(new JoinGroupRequestProtocol().setName("range").setMetadata(SUBSCRIPTION));

        JoinGroupRequestData backing = (JoinGroupRequestData) exchange.forward(request, version);

        assertThat(backing.groupId()).isEqualTo(PREFIX + "billing");
        assertThat(backing.protocols().find("range").metadata()).isEqualTo(SUBSCRIPTION);

        JoinGroupResponseData response = new JoinGroupResponseData().setGenerationId(3).setProtocolName("range")
                .setLeader("m-1").setMemberId("m-1");
        response.members().add(new JoinGroupResponseMember().setMemberId("m-1").setMetadata(SUBSCRIPTION));
        JoinGroupResponseData tenant = (JoinGroupResponseData) exchange.respond(response, version);

        assertThat(tenant.members()).singleElement().satisfies(m -> assertThat(m.metadata()).isEqualTo(SUBSCRIPTION));
        assertThat(tenant.leader()).isEqualTo("m-1");
    }
}
