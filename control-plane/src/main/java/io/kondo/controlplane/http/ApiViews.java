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

    /**
     * A tenant's usage. {@code storageState} is {@code normal}, {@code warning}, {@code expanded},
     * {@code trickle}, or {@code unknown} before the storage loop's first check of the tenant (then
     * {@code storageQuotaBytes} is the plan's, which is where every tenant starts, and
     * {@code storageCheckedAt} is absent).
     */
    record UsageView(String clusterId, double ingressBytesPerSecond, double egressBytesPerSecond, long storageBytes,
                     long storageQuotaBytes, long storageHardCapBytes, String storageState, String storageCheckedAt,
                     int partitions, int connections, double throttleTimeMs,
                     long producePlanQuotaBytesPerSecond, long fetchPlanQuotaBytesPerSecond,
                     long produceQuotaBytesPerSecond, long fetchQuotaBytesPerSecond,
                     String plan, PlanLimits limits, String measuredAt) {
    }

    record HealthView(String status, int backingBrokers, String message) {
    }

    record ErrorView(String error, String message) {
    }
}
