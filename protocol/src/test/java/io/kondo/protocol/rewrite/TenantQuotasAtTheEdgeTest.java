package io.kondo.protocol.rewrite;

import static io.kondo.protocol.TestTenant.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import io.kondo.protocol.TopicIdRegistry;
import java.util.List;
import org.apache.kafka.common.message.CreatePartitionsRequestData;
import org.apache.kafka.common.message.CreatePartitionsRequestData.CreatePartitionsTopic;
import org.apache.kafka.common.message.CreatePartitionsResponseData;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.CreateTopicsResponseData;
import org.apache.kafka.common.message.CreateTopicsResponseData.CreatableTopicResult;
import org.apache.kafka.common.message.DeleteTopicsRequestData;
import org.apache.kafka.common.message.DeleteTopicsRequestData.DeleteTopicState;
import org.apache.kafka.common.message.DeleteTopicsResponseData;
import org.apache.kafka.common.message.DeleteTopicsResponseData.DeletableTopicResult;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.FetchMetadata;
import org.junit.jupiter.api.Test;

/**
 * What the protocol module does for tenant quotas: partition mutations refused with
 * THROTTLING_QUOTA_EXCEEDED (KIP-599), fetches capped to what the fetch quota can deliver, the
 * gateway's throttle time carried in responses (KIP-219), and the empty answer to a throttled fetch.
 */
class TenantQuotasAtTheEdgeTest {

    private final TopicIdRegistry topicIds = new TopicIdRegistry();
    private final TestTenant tenant = new TestTenant(topicIds);
    private final Exchange exchange = new Exchange(tenant);

    @Test
    void topicsPastAnExhaustedMutationQuotaAreRefusedWithTheirThrottleTime() {
        tenant.withMutationTokens(5);
        CreateTopicsRequestData request = CreateTopicsRewriteTest.request(
                CreateTopicsRewriteTest.topic("first", 8, -1), CreateTopicsRewriteTest.topic("second", 8, -1));

        CreateTopicsRequestData forwarded = (CreateTopicsRequestData) exchange.forward(request, (short) 7);
        CreateTopicsResponseData response = (CreateTopicsResponseData) exchange.respond(new CreateTopicsResponseData()
                .setTopics(new CreateTopicsResponseData.CreatableTopicResultCollection(List.of(
                        new CreatableTopicResult().setName(PREFIX + "first")).iterator())), (short) 7);

        assertThat(forwarded.topics()).extracting(CreateTopicsRequestData.CreatableTopic::name).containsExactly(PREFIX + "first");
        assertThat(response.topics()).extracting(CreatableTopicResult::name, CreatableTopicResult::errorCode).containsExactlyInAnyOrder(
                tuple("first", Errors.NONE.code()), tuple("second", Errors.THROTTLING_QUOTA_EXCEEDED.code()));
        assertThat(response.topics().find("second").errorMessage()).contains("retry in 3000 ms");
    }

    @Test
    void validateOnlyCreatesAreNotCounted() {
        tenant.withMutationTokens(0);
        CreateTopicsRequestData request = CreateTopicsRewriteTest.request(CreateTopicsRewriteTest.topic("big", 8, -1))
                .setValidateOnly(true);

        exchange.forward(request, (short) 7);

        assertThat(tenant.tryMutatePartitions(1)).as("the bucket is still at 0, so it accepts").isZero();
    }

    @Test
    void deletingATopicCountsItsPartitions() {
        tenant.withTopic("orders", 8).withTopic("payments", 4).withMutationTokens(2);
        DeleteTopicsRequestData request = new DeleteTopicsRequestData().setTopics(List.of(
                new DeleteTopicState().setName("orders"), new DeleteTopicState().setName("payments")));

        DeleteTopicsRequestData forwarded = (DeleteTopicsRequestData) exchange.forward(request, (short) 6);
        DeleteTopicsResponseData response = (DeleteTopicsResponseData) exchange.respond(new DeleteTopicsResponseData(), (short) 6);

        assertThat(forwarded.topics()).extracting(DeleteTopicState::name).containsExactly(PREFIX + "orders");
        assertThat(response.responses()).extracting(DeletableTopicResult::name, DeletableTopicResult::errorCode)
                .containsExactly(tuple("payments", Errors.THROTTLING_QUOTA_EXCEEDED.code()));
    }

    @Test
    void addingPartitionsCountsOnlyTheNewOnes() {
        tenant.withTopic("orders", 8).withTopic("payments", 8).withMutationTokens(3);
        CreatePartitionsRequestData request = new CreatePartitionsRequestData().setTimeoutMs(1000);
        request.topics().add(new CreatePartitionsTopic().setName("orders").setCount(12));
        request.topics().add(new CreatePartitionsTopic().setName("payments").setCount(10));

        CreatePartitionsRequestData forwarded = (CreatePartitionsRequestData) exchange.forward(request, (short) 3);
        CreatePartitionsResponseData response = (CreatePartitionsResponseData) exchange.respond(new CreatePartitionsResponseData(), (short) 3);

        assertThat(forwarded.topics()).extracting(CreatePartitionsTopic::name).containsExactly(PREFIX + "orders");
        assertThat(response.results()).extracting(r -> r.name(), r -> r.errorCode())
                .containsExactly(tuple("payments", Errors.THROTTLING_QUOTA_EXCEEDED.code()));
    }

    @Test
    void aFetchAsksForNoMoreThanTheFetchQuotaCanDeliver() {
        tenant.withMaxFetchBytes(30_000);

        FetchRequestData forwarded = (FetchRequestData) exchange.forward(new FetchRequestData().setMaxBytes(52_428_800), (short) 15);

        assertThat(forwarded.maxBytes()).isEqualTo(30_000);
    }

    @Test
    void theGatewaysThrottleTimeReachesTheTenantUnlessTheBrokersIsLonger() {
        exchange.forward(new ProduceRequestData().setAcks((short) -1).setTimeoutMs(1000), (short) 11);
        ProduceResponseData gatewayLonger = (ProduceResponseData) exchange.respond(
                new ProduceResponseData().setThrottleTimeMs(10), (short) 11, 250);
        exchange.forward(new MetadataRequestData(), (short) 12);
        MetadataResponseData brokerLonger = (MetadataResponseData) exchange.respond(
                new MetadataResponseData().setThrottleTimeMs(900), (short) 12, 250);

        assertThat(gatewayLonger.throttleTimeMs()).isEqualTo(250);
        assertThat(brokerLonger.throttleTimeMs()).isEqualTo(900);
    }

    @Test
    void aThrottledIncrementalFetchIsAnsweredEmptyInItsSession() {
        exchange.forward(new FetchRequestData().setSessionId(77).setSessionEpoch(3), (short) 15);

        FetchResponseData empty = (FetchResponseData) exchange.throttledFetch((short) 15, 1200);

        assertThat(empty.throttleTimeMs()).isEqualTo(1200);
        assertThat(empty.errorCode()).isEqualTo(Errors.NONE.code());
        assertThat(empty.sessionId()).isEqualTo(77);
        assertThat(empty.responses()).isEmpty();
    }

    @Test
    void aThrottledFullFetchIsAnsweredEmptyWithoutASession() {
        exchange.forward(new FetchRequestData().setSessionId(0).setSessionEpoch(FetchMetadata.INITIAL_EPOCH), (short) 15);

        FetchResponseData empty = (FetchResponseData) exchange.throttledFetch((short) 15, 1200);

        assertThat(empty.sessionId()).isEqualTo(FetchMetadata.INVALID_SESSION_ID);
        assertThat(empty.responses()).isEmpty();
    }

    @Test
    void onlyAFetchCanBeAnsweredEmpty() {
        exchange.forward(new MetadataRequestData(), (short) 12);

        assertThatThrownBy(() -> exchange.pending().throttledFetch(100)).isInstanceOf(IllegalStateException.class);
    }
}
