package io.kondo.controlplane.http;

import io.kondo.core.plan.PlanLimits;
import java.util.List;

/** The JSON shapes of the REST API (snake_case on the wire). */
final class ApiViews {

    private ApiViews() {
    }

    record ClusterView(String id, String name, String plan, String state, String cell, String bootstrap,
                       PlanLimits limits, String createdAt) {
    }

    record ClusterList(List<ClusterView> clusters) {
    }

    record CreateClusterRequest(String name, String plan) {
    }

    record UpdateClusterRequest(String name, String plan) {
    }

    record CreateApiKeyRequest(String description) {
    }

    record IssuedApiKeyView(String key, String secret, String clusterId, String description, String createdAt) {
    }

    record ApiKeyView(String key, String clusterId, String description, String createdAt) {
    }

    record ApiKeyList(List<ApiKeyView> apiKeys) {
    }

    record PlanView(String name, String description, PlanLimits limits) {
    }

    record PlanList(List<PlanView> plans) {
    }

    record UsageView(String clusterId, double ingressBytesPerSecond, double egressBytesPerSecond, long storageBytes,
                     int partitions, int connections, double throttleTimeMs, String plan, PlanLimits limits,
                     String measuredAt) {
    }

    record HealthView(String status, int backingBrokers, String message) {
    }

    record ErrorView(String error, String message) {
    }
}
