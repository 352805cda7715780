package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import org.apache.kafka.common.errors.InvalidTopicException;

/** Name mapping shared by the rewrites. */
final class Names {

    private Names() {
    }

    /** A topic name into the backing namespace, refusing names that exceed what the tenant may use. */
    static String topicIn(TenantNamespace tenant, String name) {
        if (name == null) {
            return null;
        }
        if (name.length() > tenant.maxTopicNameLength()) {
            throw new InvalidTopicException("topic name is longer than " + tenant.maxTopicNameLength() + " characters");
        }
        return tenant.toBacking(name);
    }

    /** A group id, transactional id or other resource name into the backing namespace (null stays null). */
    static String in(TenantNamespace tenant, String name) {
        return name == null ? null : tenant.toBacking(name);
    }

    /**
     * A backing name out of the tenant's namespace. Only names the tenant sent in come back, so a
     * foreign name here means the backing cluster answered about something else: it is hidden.
     */
    static String out(TenantNamespace tenant, String backingName) {
        if (backingName == null) {
            return null;
        }
        return tenant.toTenant(backingName).orElse("");
    }
}
