package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData.AlterConfigsResource;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData.AlterableConfig;
import org.apache.kafka.common.message.IncrementalAlterConfigsResponseData;
import org.apache.kafka.common.message.IncrementalAlterConfigsResponseData.AlterConfigsResourceResponse;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/**
 * IncrementalAlterConfigs of the tenant's topics, under {@link TopicConfigPolicy}: SET is checked
 * against the bounds, DELETE (back to the cluster's default) is allowed except for
 * {@code min.insync.replicas}, and APPEND/SUBTRACT are refused because the value they produce
 * cannot be checked here. A resource with one refused config is refused whole, as Kafka alters a
 * resource atomically. Group configs are refused (POLICY_VIOLATION), every other resource type is
 * the cluster's (CLUSTER_AUTHORIZATION_FAILED); refused resources are not forwarded.
 */
final class IncrementalAlterConfigsRewrite
        implements ApiRewrite<IncrementalAlterConfigsRequestData, IncrementalAlterConfigsResponseData> {

    private record Refused(AlterConfigsResource resource, ApiException error) {
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.INCREMENTAL_ALTER_CONFIGS;
    }

    @Override
    public ResponseRewrite<IncrementalAlterConfigsResponseData> rewriteRequest(IncrementalAlterConfigsRequestData request,
                                                                               short version, TenantContext tenant) {
        TenantNamespace namespace = tenant.namespace();
        List<Refused> refused = new ArrayList<>();
        for (AlterConfigsResource resource : Collections.drain(request.resources())) {
            try {
                String backingName = backingTopicName(namespace, resource);
                for (AlterableConfig config : resource.configs()) {
                    check(config, tenant);
                }
                request.resources().add(resource.setResourceName(backingName));
            } catch (ApiException e) {
                refused.add(new Refused(resource, e));
            }
        }
        return (response, v) -> rewriteResponse(response, namespace, refused);
    }

    private static String backingTopicName(TenantNamespace namespace, AlterConfigsResource resource) {
        ConfigResource.Type type = ConfigResource.Type.forId(resource.resourceType());
        return switch (type) {
            case TOPIC -> TopicNames.in(namespace, resource.resourceName());
            case GROUP -> throw new PolicyViolationException("group configs cannot be altered on this cluster");
            default -> throw new ClusterAuthorizationException(type + " configs are the cluster's and not available to tenants");
        };
    }

    private static void check(AlterableConfig config, TenantContext tenant) {
        AlterConfigOp.OpType operation = AlterConfigOp.OpType.forId(config.configOperation());
        if (operation == AlterConfigOp.OpType.SET) {
            TopicConfigPolicy.checkSet(config.name(), config.value(), tenant);
        } else if (operation == AlterConfigOp.OpType.DELETE) {
            TopicConfigPolicy.checkDelete(config.name(), tenant);
        } else {
            throw new PolicyViolationException("topic config '" + config.name() + "' can only be set or deleted, not "
                    + (operation == null ? "operation " + config.configOperation() : operation));
        }
    }

    private static void rewriteResponse(IncrementalAlterConfigsResponseData response, TenantNamespace namespace,
                                        List<Refused> refused) {
        List<AlterConfigsResourceResponse> results = new ArrayList<>();
        for (AlterConfigsResourceResponse result : response.responses()) {
            if (namespace.owns(result.resourceName())) {
                results.add(result.setResourceName(Names.out(namespace, result.resourceName()))
                        .setErrorMessage(ForeignNames.message(namespace, result.errorMessage())));
            }
        }
        for (Refused resource : refused) {
            results.add(new AlterConfigsResourceResponse().setResourceType(resource.resource().resourceType())
                    .setResourceName(resource.resource().resourceName())
                    .setErrorCode(Errors.forException(resource.error()).code())
                    .setErrorMessage(resource.error().getMessage()));
        }
        response.setResponses(results);
    }
}
