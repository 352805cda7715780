package io.kondo.bench.quota;

import java.util.OptionalLong;

/**
 * The soak's figures at one point in time, most of them over the interval since the previous point.
 * Heap figures are those of the soak's own process (gateway, tenant metadata, embedded cluster's
 * handles) unless said otherwise; the Kafka clients run in the load process.
 *
 * @param atSeconds            seconds since the load started
 * @param connected            tenants with a producer open
 * @param clientConnections    connections those producers have open (their own count, up to 10 s old)
 * @param gatewayConnections   client connections the gateway has open, all tenants
 * @param quotaConnections     connections the gateway's tenant quotas count as open, all tracked tenants
 * @param steadyThrottled      steady tenants the gateway throttled (produce) during the interval
 * @param steadyTenants        steady tenants in all
 * @param steadyAtQuota        steady tenants whose produce rate, as the gateway measures it now, is
 *                             at least 90% of their quota
 * @param lowestRateToQuota    the lowest of the steady tenants' measured produce rate / quota now
 * @param highestRateToQuota   the highest of them
 * @param ackedBytesPerSecond  record bytes acknowledged per second, all tenants, over the interval
 * @param steadyAckedToQuota   record bytes acknowledged per second of the steady tenants over the
 *                             interval, divided by their quotas added up (payload only: what the
 *                             gateway counts, whole requests, is a little more)
 * @param heldBackBytesPerSecond demand not sent because the tenant already had its cap unacknowledged
 * @param failedRecords        records failed so far (not counting those cut off by a churn close)
 * @param abortedAtClose       records cut off by closing a churning tenant's producer so far
 * @param churnOpened          churning sessions opened so far (after the initial ones)
 * @param churnClosed          churning sessions closed so far
 * @param openFailures         churning tenants that could not reopen so far
 * @param awayPastExpiry       churning tenants that, when the gateway was checked, had had no producer for
 *                             longer than the idle expiry plus {@link QuotaSoak#EXPIRY_SLACK}
 * @param awayPastExpiryTracked of those, how many the gateway still tracks (should be 0)
 * @param awayPastExpiryTrackedConnected of those tracked, how many the gateway still counts a
 *                             connection open for (a connection the client closed that the gateway has not seen close)
 * @param gateway              tracked tenants, quota sensors and quota metrics in the gateway
 * @param meters               meters in the gateway's meter registry
 * @param heapNow              heap used now, without collecting
 * @param loadHeapNow          the load process's heap used now, without collecting (for information)
 * @param heapAfterGc          heap used after full collections, at the points where it is measured
 */
record SoakPoint(long atSeconds, int connected, int clientConnections, int gatewayConnections,
                 int quotaConnections, int steadyThrottled, int steadyTenants, int steadyAtQuota,
                 double lowestRateToQuota, double highestRateToQuota, double ackedBytesPerSecond, double steadyAckedToQuota,
                 double heldBackBytesPerSecond, long failedRecords, long abortedAtClose, long churnOpened,
                 long churnClosed, long openFailures, int awayPastExpiry, int awayPastExpiryTracked,
                 int awayPastExpiryTrackedConnected,
                 GatewayQuotaState.Reading gateway, int meters, long heapNow, long loadHeapNow,
                 OptionalLong heapAfterGc) {
}
