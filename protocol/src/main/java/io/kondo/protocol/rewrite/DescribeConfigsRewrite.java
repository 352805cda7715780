package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidGroupIdException;
import org.apache.kafka.common.message.DescribeConfigsRequestData;
import org.apache.kafka.common.message.DescribeConfigsRequestData.DescribeConfigsResource;
import org.apache.kafka.common.message.DescribeConfigsResponseData;
import org.apache.kafka.common.message.DescribeConfigsResponseData.DescribeConfigsResourceResult;
import org.apache.kafka.common.message.DescribeConfigsResponseData.DescribeConfigsResult;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/**
 * DescribeConfigs of the tenant's topics and groups: names in and out. Every other resource type
 * (brokers, broker loggers, client metrics) is the cluster's, answered CLUSTER_AUTHORIZATION_FAILED
 * without being forwarded. Config entries and synonyms that name another tenant's resource are hidden.
 */
final class DescribeConfigsRewrite implements ApiRewrite<DescribeConfigsRequestData, DescribeConfigsResponseData> {

    private record Refused(DescribeConfigsResource resource, ApiException error) {
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.DESCRIBE_CONFIGS;
    }

    @Override
    public ResponseRewrite<DescribeConfigsResponseData> rewriteRequest(DescribeConfigsRequestData request, short version,
                                                                       TenantContext tenant) {
        TenantNamespace namespace = tenant.namespace();
        List<DescribeConfigsResource> kept = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (DescribeConfigsResource resource : request.resources()) {
            try {
                kept.add(resource.setResourceName(backingName(namespace, resource.resourceType(), resource.resourceName())));
            } catch (ApiException e) {
                refused.add(new Refused(resource, e));
            }
        }
        request.setResources(kept);
        return (response, v) -> rewriteResponse(response, namespace, refused);
    }

    /** The backing name of a topic or group resource; any other resource type is refused. */
    private static String backingName(TenantNamespace namespace, byte resourceType, String name) {
        ConfigResource.Type type = ConfigResource.Type.forId(resourceType);
        return switch (type) {
            case TOPIC -> TopicNames.in(namespace, name);
            case GROUP -> {
                if (name == null || name.isEmpty()) {
                    throw new InvalidGroupIdException("group id must not be empty");
                }
                yield Names.in(namespace, name);
            }
            default -> throw new ClusterAuthorizationException(type + " configs are the cluster's and not available to tenants");
        };
    }

    private static void rewriteResponse(DescribeConfigsResponseData response, TenantNamespace namespace, List<Refused> refused) {
        List<DescribeConfigsResult> results = new ArrayList<>();
        for (DescribeConfigsResult result : response.results()) {
            if (namespace.owns(result.resourceName())) {
                results.add(result.setResourceName(Names.out(namespace, result.resourceName()))
                        .setErrorMessage(ForeignNames.message(namespace, result.errorMessage()))
                        .setConfigs(ownConfigs(namespace, result.configs())));
            }
        }
        for (Refused resource : refused) {
            results.add(new DescribeConfigsResult().setResourceType(resource.resource().resourceType())
                    .setResourceName(resource.resource().resourceName())
                    .setErrorCode(Errors.forException(resource.error()).code())
                    .setErrorMessage(resource.error().getMessage()));
        }
        response.setResults(results);
    }

    private static List<DescribeConfigsResourceResult> ownConfigs(TenantNamespace namespace,
                                                                  List<DescribeConfigsResourceResult> configs) {
        List<DescribeConfigsResourceResult> kept = new ArrayList<>();
        for (DescribeConfigsResourceResult config : configs) {
            if (!ForeignNames.mentionOtherTenant(namespace, config.name())
                    && !ForeignNames.mentionOtherTenant(namespace, config.value())) {
                kept.add(config.setSynonyms(config.synonyms().stream()
                        .filter(s -> !ForeignNames.mentionOtherTenant(namespace, s.name())
                                && !ForeignNames.mentionOtherTenant(namespace, s.value()))
                        .toList()));
            }
        }
        return kept;
    }
}
