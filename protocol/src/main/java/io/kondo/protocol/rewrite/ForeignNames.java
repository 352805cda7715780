package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backing names inside free text that comes back from the backing cluster (error messages, config
 * values): the tenant's own prefix is taken out, and text naming another tenant's resource is hidden.
 */
final class ForeignNames {

    /** A backing-namespace prefix, as {@link io.kondo.core.tenant.LogicalClusterId} ids make them. */
    private static final Pattern PREFIX = Pattern.compile("lkc-[0-9a-z]{6}_");

    private ForeignNames() {
    }

    /** Whether {@code text} names a resource of a tenant other than {@code tenant}. */
    static boolean mentionOtherTenant(TenantNamespace tenant, String text) {
        if (text == null) {
            return false;
        }
        Matcher matcher = PREFIX.matcher(text);
        while (matcher.find()) {
            if (!matcher.group().equals(tenant.prefix())) {
                return true;
            }
        }
        return false;
    }

    /** A message for the tenant: its own names unprefixed; null if the message names another tenant's resource. */
    static String message(TenantNamespace tenant, String message) {
        if (message == null || mentionOtherTenant(tenant, message)) {
            return null;
        }
        return message.replace(tenant.prefix(), "");
    }
}
