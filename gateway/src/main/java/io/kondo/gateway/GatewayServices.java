package io.kondo.gateway;

import io.kondo.core.credential.LoginFailureLimiter;
import io.kondo.core.credential.PlainAuthenticator;
import io.kondo.core.credential.ScramAuthenticator;
import io.kondo.core.plan.PlanCatalog;
import io.kondo.gateway.quota.TenantQuotaRegistry;
import io.kondo.metadata.TenantMetadataStore;
import io.kondo.protocol.ApiVersionsAdvertiser;
import io.kondo.protocol.TopicIdRegistry;
import io.kondo.protocol.rewrite.HandledApis;
import io.kondo.protocol.sasl.UpstreamCredentials;
import java.time.Clock;

/** What every connection of one gateway shares. */
record GatewayServices(
        GatewaySettings settings,
        TenantMetadataStore metadata,
        PlanCatalog plans,
        BackingView backing,
        UpstreamCredentials upstreamCredentials,
        HandledApis apis,
        ApiVersionsAdvertiser versions,
        PlainAuthenticator plain,
        ScramAuthenticator scram,
        TopicIdRegistry topicIds,
        OpenConnections connections,
        GatewayMetrics metrics,
        LoginFailureLimiter loginFailures,
        TenantQuotaRegistry quotas,
        UpstreamLoad upstreamLoad,
        Clock clock) {
}
