package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import io.kondo.protocol.TenantContext.HostPort;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.message.FindCoordinatorRequestData;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.message.FindCoordinatorResponseData.Coordinator;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.FindCoordinatorRequest.CoordinatorType;

/**
 * FindCoordinator for groups and transactional ids: keys in and out, the coordinator shown at its
 * gateway port. Share-group coordinators are not offered (share groups are not handled).
 */
final class FindCoordinatorRewrite implements ApiRewrite<FindCoordinatorRequestData, FindCoordinatorResponseData> {

    @Override
    public ApiKeys api() {
        return ApiKeys.FIND_COORDINATOR;
    }

    @Override
    public ResponseRewrite<FindCoordinatorResponseData> rewriteRequest(FindCoordinatorRequestData request, short version,
                                                                       TenantContext tenant) {
        byte type = request.keyType();
        if (type != CoordinatorType.GROUP.id() && type != CoordinatorType.TRANSACTION.id()) {
            throw new InvalidRequestException("coordinator type " + type + " is not supported");
        }
        TenantNamespace namespace = tenant.namespace();
        if (version < 4) {
            request.setKey(Names.in(namespace, request.key()));
        } else {
            request.setCoordinatorKeys(request.coordinatorKeys().stream().map(k -> Names.in(namespace, k)).toList());
        }
        return (response, v) -> {
            if (v < 4) {
                rewriteAddress(tenant, response.nodeId(), response::setHost, response::setPort, response::setNodeId,
                        response::setErrorCode);
            }
            List<Coordinator> coordinators = response.coordinators();
            for (Coordinator coordinator : coordinators) {
                coordinator.setKey(Names.out(namespace, coordinator.key()));
                rewriteAddress(tenant, coordinator.nodeId(), coordinator::setHost, coordinator::setPort,
                        coordinator::setNodeId, coordinator::setErrorCode);
            }
        };
    }

    private static void rewriteAddress(TenantContext tenant, int nodeId, java.util.function.Consumer<String> host,
                                       java.util.function.IntConsumer port, java.util.function.IntConsumer node,
                                       java.util.function.Consumer<Short> error) {
        if (nodeId < 0) {
            return;
        }
        Optional<HostPort> address = Brokers.address(tenant, nodeId);
        if (address.isPresent()) {
            host.accept(address.get().host());
            port.accept(address.get().port());
        } else {
            node.accept(-1);
            host.accept("");
            port.accept(-1);
            error.accept(Errors.COORDINATOR_NOT_AVAILABLE.code());
        }
    }
}
