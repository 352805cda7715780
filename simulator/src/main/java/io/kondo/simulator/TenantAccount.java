package io.kondo.simulator;

/**
 * A logical cluster the simulator created, with its API key and the plan limits it runs under.
 *
 * @param secret the API key's secret, used only for the tenant's clients' SASL login; never reported
 */
record TenantAccount(String id, String name, String plan, String key, String secret, long produceQuotaBytesPerSecond,
                     long consumeQuotaBytesPerSecond, int maxMessageBytes, int maxConnections) {

    @Override
    public String toString() {
        return "TenantAccount[id=" + id + ", name=" + name + ", plan=" + plan + ", key=" + key + "]";
    }
}
