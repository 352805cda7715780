package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.LeaveGroupRequestData.MemberIdentity;
import org.apache.kafka.common.message.LeaveGroupResponseData;
import org.apache.kafka.common.message.LeaveGroupResponseData.MemberResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LeaveGroupRewriteTest {

    private final Exchange exchange = new Exchange(new TestTenant());

    @ParameterizedTest
    @ValueSource(shorts = {0, 2, 3, 5})
    void groupIdIsPrefixedAndMembersPass(short version) {
        LeaveGroupRequestData request = new LeaveGroupRequestData().setGroupId("billing");
        if (version < 3) {
            request.setMemberId("m-1");
        } else {
            request.setMembers(new ArrayList<>(List.of(new MemberIdentity().setMemberId("m-1").setGroupInstanceId("i-1"))));
        }

        LeaveGroupRequestData backing = (LeaveGroupRequestData) exchange.forward(request, version);

        assertThat(backing.groupId()).isEqualTo(PREFIX + "billing");
        assertThat(version < 3 ? backing.memberId() : backing.members().get(0).memberId()).isEqualTo("m-1");

        LeaveGroupResponseData response = new LeaveGroupResponseData();
        if (version >= 3) {
            response.members().add(new MemberResponse().setMemberId("m-1").setGroupInstanceId("i-1"));
        }
        LeaveGroupResponseData tenant = (LeaveGroupResponseData) exchange.respond(response, version);
        assertThat(tenant.members()).extracting(MemberResponse::memberId)
                .containsExactly(version >= 3 ? new String[] {"m-1"} : new String[0]);
    }
}
