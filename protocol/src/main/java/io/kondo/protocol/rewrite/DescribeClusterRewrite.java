package io.kondo.protocol.rewrite;

import io.kondo.protocol.TenantContext;
import io.kondo.protocol.TenantContext.HostPort;
import java.util.Optional;
import org.apache.kafka.common.errors.UnsupportedEndpointTypeException;
import org.apache.kafka.common.message.DescribeClusterRequestData;
import org.apache.kafka.common.message.DescribeClusterResponseData;
import org.apache.kafka.common.message.DescribeClusterResponseData.DescribeClusterBroker;
import org.apache.kafka.common.message.DescribeClusterResponseData.DescribeClusterBrokerCollection;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * DescribeCluster: the tenant's logical cluster id, brokers at their gateway ports (brokers without
 * one are hidden), the controller id kept. Only the brokers endpoint is offered: the controllers
 * are not reachable through the gateway. The cluster operations the gateway's own principal may
 * perform on the backing cluster are not the tenant's, so they are never reported.
 */
final class DescribeClusterRewrite implements ApiRewrite<DescribeClusterRequestData, DescribeClusterResponseData> {

    static final byte BROKERS_ENDPOINT = 1;
    private static final int OPERATIONS_NOT_REPORTED = Integer.MIN_VALUE;

    @Override
    public ApiKeys api() {
        return ApiKeys.DESCRIBE_CLUSTER;
    }

    @Override
    public ResponseRewrite<DescribeClusterResponseData> rewriteRequest(DescribeClusterRequestData request, short version,
                                                                       TenantContext tenant) {
        if (request.endpointType() != BROKERS_ENDPOINT) {
            throw new UnsupportedEndpointTypeException("only the brokers endpoint is available, not endpoint type "
                    + request.endpointType());
        }
        request.setIncludeClusterAuthorizedOperations(false);
        return (response, v) -> {
            response.setClusterId(tenant.namespace().cluster().value())
                    .setClusterAuthorizedOperations(OPERATIONS_NOT_REPORTED);
            DescribeClusterBrokerCollection brokers = new DescribeClusterBrokerCollection();
            for (DescribeClusterBroker broker : response.brokers()) {
                Optional<HostPort> address = Brokers.address(tenant, broker.brokerId());
                address.ifPresent(a -> brokers.add(broker.duplicate().setHost(a.host()).setPort(a.port())));
            }
            response.setBrokers(brokers);
        };
    }
}
