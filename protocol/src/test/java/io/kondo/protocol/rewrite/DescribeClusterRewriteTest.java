package io.kondo.protocol.rewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kondo.protocol.Exchange;
import io.kondo.protocol.TestTenant;
import org.apache.kafka.common.message.DescribeClusterRequestData;
import org.apache.kafka.common.message.DescribeClusterResponseData;
import org.apache.kafka.common.message.DescribeClusterResponseData.DescribeClusterBroker;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DescribeClusterRewriteTest {

    private final Exchange exchange = new Exchange(new TestTenant());

    @ParameterizedTest
    @ValueSource(shorts = {0, 1, 2})
    void showsTheLogicalClusterAndBrokersAtGatewayPorts(short version) {
        DescribeClusterRequestData backingRequest = (DescribeClusterRequestData) exchange.forward(
                new DescribeClusterRequestData().setIncludeClusterAuthorizedOperations(true), version);
        assertThat(backingRequest.includeClusterAuthorizedOperations()).isFalse();

        DescribeClusterResponseData backing = new DescribeClusterResponseData().setClusterId("backing-cluster-id")
                .setControllerId(2).setClusterAuthorizedOperations(0x7ff);
        backing.brokers().add(new DescribeClusterBroker().setBrokerId(1).setHost("10.0.0.1").setPort(29092).setRack("r1"));
        backing.brokers().add(new DescribeClusterBroker().setBrokerId(2).setHost("10.0.0.2").setPort(29092));
        backing.brokers().add(new DescribeClusterBroker().setBrokerId(9).setHost("10.0.0.9").setPort(29092));

        DescribeClusterResponseData answer = (DescribeClusterResponseData) exchange.respond(backing, version);

        assertThat(answer.clusterId()).isEqualTo("lkc-abc123");
        assertThat(answer.controllerId()).isEqualTo(2);
        assertThat(answer.clusterAuthorizedOperations()).isEqualTo(Integer.MIN_VALUE);
        assertThat(answer.brokers()).extracting(DescribeClusterBroker::brokerId, DescribeClusterBroker::host,
                DescribeClusterBroker::port, DescribeClusterBroker::rack).containsExactly(
                tuple(1, TestTenant.GATEWAY_HOST, 19093, "r1"), tuple(2, TestTenant.GATEWAY_HOST, 19094, null));
    }

    @ParameterizedTest
    @ValueSource(shorts = {1, 2})
    void refusesTheControllersEndpoint(short version) {
        DescribeClusterResponseData answer = (DescribeClusterResponseData) exchange.answer(
                new DescribeClusterRequestData().setEndpointType((byte) 2), version);

        assertThat(answer.errorCode()).isEqualTo(Errors.UNSUPPORTED_ENDPOINT_TYPE.code());
        assertThat(answer.brokers()).isEmpty();
    }
}
