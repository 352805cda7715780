package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.message.SyncGroupRequestData.SyncGroupRequestAssignment;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyncGroupRewriteTest {

    private static final byte[] ASSIGNMENT = {0, 1, 0, 0, 0, 1, 0, 6, 'o', 'r', 'd', 'e', 'r', 's', 0, 0, 0, 1, 0, 0, 0, 0};

    private final Exchange exchange = new Exchange(new TestTenant());

    @ParameterizedTest
    @ValueSource(shorts = {0, 3, 4, 5})
    void groupIdIsPrefixedAndAssignmentsPassOpaqueBothWays(short version) {
        SyncGroupRequestData request = new SyncGroupRequestData().setGroupId("billing").setGenerationId(3).setMemberId("m-1")
                .setAssignments(new ArrayList<>(List.of(new SyncGroupRequestAssignment().setMemberId("m-1").setAssignment(ASSIGNMENT))));
        if (version >= 5) {
            request.setProtocolType("consumer").setProtocolName("range");
        }

        SyncGroupRequestData backing = (SyncGroupRequestData) exchange.forward(request, version);

        assertThat(backing.groupId()).isEqualTo(PREFIX + "billing");
        assertThat(backing.assignments().get(0).assignment()).isEqualTo(ASSIGNMENT);

        SyncGroupResponseData tenant = (SyncGroupResponseData) exchange.respond(
                new SyncGroupResponseData().setAssignment(ASSIGNMENT), version);
        assertThat(tenant.assignment()).isEqualTo(ASSIGNMENT);
    }
}
