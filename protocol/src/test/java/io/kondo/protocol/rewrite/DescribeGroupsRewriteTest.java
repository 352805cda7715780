package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.OTHER_PREFIX;
import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.DescribeGroupsRequestData;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.apache.kafka.common.message.DescribeGroupsResponseData.DescribedGroup;
import org.apache.kafka.common.message.DescribeGroupsResponseData.DescribedGroupMember;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DescribeGroupsRewriteTest {

    private static final byte[] ASSIGNMENT = {0, 1, 0, 0, 0, 0};

    private final Exchange exchange = new Exchange(new TestTenant());

    private static DescribedGroup group(String id) {
        DescribedGroup group = new DescribedGroup().setGroupId(id).setGroupState("Stable").setProtocolType("consumer")
                .setProtocolData("range");
        group.members().add(new DescribedGroupMember().setMemberId("m-1").setClientId("c").setClientHost("/10.0.0.1")
                .setMemberMetadata(ASSIGNMENT).setMemberAssignment(ASSIGNMENT));
        return group;
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 4, 5, 6})
    void groupIdsArePrefixedAndOnlyTheTenantsGroupsComeBack(short version) {
        DescribeGroupsRequestData backing = (DescribeGroupsRequestData) exchange.forward(
                new DescribeGroupsRequestData().setGroups(new ArrayList<>(List.of("billing", "audit"))), version);

        assertThat(backing.groups()).containsExactly(PREFIX + "billing", PREFIX + "audit");

        DescribeGroupsResponseData response = new DescribeGroupsResponseData().setGroups(new ArrayList<>(List.of(
                group(PREFIX + "billing"), group(OTHER_PREFIX + "billing"), group("__consumer_offsets"), group(PREFIX + "audit"))));
        DescribeGroupsResponseData tenant = (DescribeGroupsResponseData) exchange.respond(response, version);

        assertThat(tenant.groups()).extracting(DescribedGroup::groupId).containsExactly("billing", "audit");
        assertThat(tenant.groups().get(0).members().get(0).memberAssignment()).isEqualTo(ASSIGNMENT);
    }

    @Test
    void errorMessagesDoNotShowThePrefix() {
        short version = 6;
        exchange.forward(new DescribeGroupsRequestData().setGroups(new ArrayList<>(List.of("billing"))), version);

        DescribeGroupsResponseData response = new DescribeGroupsResponseData().setGroups(new ArrayList<>(List.of(
                new DescribedGroup().setGroupId(PREFIX + "billing").setErrorCode(Errors.GROUP_ID_NOT_FOUND.code())
                        .setErrorMessage("Group " + PREFIX + "billing not found."))));
        DescribeGroupsResponseData tenant = (DescribeGroupsResponseData) exchange.respond(response, version);

        assertThat(tenant.groups().get(0).errorMessage()).isEqualTo("Group billing not found.");
    }
}
