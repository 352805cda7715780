package io.kondo.protocol;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.Uuid;

/**
 * The backing topic names behind topic ids, learned from the metadata responses that pass through
 * the gateway. A tenant's request that names a topic by id is accepted only if the id resolves here
 * to a topic the tenant owns; an id never seen (or another tenant's) is treated as unknown, and the
 * client's metadata refresh, which passes through here, teaches the registry its own ids.
 * Bounded by the number of topics on the backing cluster.
 */
public final class TopicIdRegistry {

    private final ConcurrentHashMap<Uuid, String> names = new ConcurrentHashMap<>();

    public void learn(Uuid id, String backingName) {
        if (id != null && !Uuid.ZERO_UUID.equals(id) && backingName != null) {
            names.put(id, backingName);
        }
    }

    public Optional<String> backingName(Uuid id) {
        return id == null ? Optional.empty() : Optional.ofNullable(names.get(id));
    }

    public void forget(Uuid id) {
        names.remove(id);
    }
}
