package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import org.apache.kafka.common.errors.InvalidTopicException;

/**
 * Topic names of the admin APIs into the backing namespace. Names Kafka refuses only because they
 * are empty or all dots become legal once prefixed, so they are refused here; other illegal names
 * stay illegal with the prefix and the backing cluster answers them.
 */
final class TopicNames {

    private TopicNames() {
    }

    static String in(TenantNamespace tenant, String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new InvalidTopicException("topic name '" + name + "' is illegal");
        }
        return Names.topicIn(tenant, name);
    }
}
