package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.OTHER_PREFIX;
import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ConsumerGroupDescribeRequestData;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData.Assignment;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData.DescribedGroup;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData.Member;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData.TopicPartitions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsumerGroupDescribeRewriteTest {

    private final Exchange exchange = new Exchange(new TestTenant());

    private static Assignment assignment(Uuid id, String... names) {
        Assignment assignment = new Assignment();
        for (String name : names) {
            assignment.topicPartitions().add(new TopicPartitions().setTopicId(id).setTopicName(name)
                    .setPartitions(new ArrayList<>(List.of(0, 1))));
        }
        return assignment;
    }

    private static DescribedGroup group(String id) {
        Uuid orders = Uuid.randomUuid();
        Member member = new Member().setMemberId("m-1").setClientId("c").setClientHost("/10.0.0.1").setMemberEpoch(3)
                .setSubscribedTopicNames(new ArrayList<>(List.of(PREFIX + "orders", OTHER_PREFIX + "orders", "__consumer_offsets")))
                .setSubscribedTopicRegex("\\Q" + PREFIX + "\\E(?:pay.*)")
                .setAssignment(assignment(orders, PREFIX + "orders", OTHER_PREFIX + "orders", "__consumer_offsets"))
                .setTargetAssignment(assignment(orders, PREFIX + "orders", "__transaction_state"));
        return new DescribedGroup().setGroupId(id).setGroupState("Stable").setAssignorName("uniform")
                .setMembers(new ArrayList<>(List.of(member)));
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 1})
    void groupsTopicsAndRegexesComeBackInTheTenantsNames(short version) {
        ConsumerGroupDescribeRequestData backing = (ConsumerGroupDescribeRequestData) exchange.forward(
                new ConsumerGroupDescribeRequestData().setGroupIds(new ArrayList<>(List.of("billing"))), version);

        assertThat(backing.groupIds()).containsExactly(PREFIX + "billing");

        ConsumerGroupDescribeResponseData response = new ConsumerGroupDescribeResponseData().setGroups(new ArrayList<>(List.of(
                group(PREFIX + "billing"), group(OTHER_PREFIX + "billing"), group("__consumer_offsets"))));
        ConsumerGroupDescribeResponseData tenant = (ConsumerGroupDescribeResponseData) exchange.respond(response, version);

        assertThat(tenant.groups()).extracting(DescribedGroup::groupId).containsExactly("billing");
        Member member = tenant.groups().get(0).members().get(0);
        assertThat(member.subscribedTopicNames()).containsExactly("orders");
        assertThat(member.subscribedTopicRegex()).isEqualTo("pay.*");
        assertThat(member.assignment().topicPartitions()).extracting(TopicPartitions::topicName).containsExactly("orders");
        assertThat(member.targetAssignment().topicPartitions()).extracting(TopicPartitions::topicName).containsExactly("orders");
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 1})
    void aRegexTheGatewayDidNotConfineIsHidden(short version) {
        exchange.forward(new ConsumerGroupDescribeRequestData().setGroupIds(new ArrayList<>(List.of("billing"))), version);
        DescribedGroup group = group(PREFIX + "billing");
        group.members().get(0).setSubscribedTopicRegex(".*");

        ConsumerGroupDescribeResponseData tenant = (ConsumerGroupDescribeResponseData) exchange.respond(
                new ConsumerGroupDescribeResponseData().setGroups(new ArrayList<>(List.of(group))), version);

        assertThat(tenant.groups().get(0).members().get(0).subscribedTopicRegex()).isNull();
    }
}
