package io.kondo.protocol.rewrite;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.ImplicitLinkedHashCollection;

/** Helpers for the keyed collections of Kafka's generated messages. */
final class Collections {

    private Collections() {
    }

    /**
     * Removes every element and returns them, so they can be renamed and added back: an element's
     * key must not change while it is in the collection, and a merely cleared element cannot be re-added.
     */
    static <E extends ImplicitLinkedHashCollection.Element> List<E> drain(ImplicitLinkedHashCollection<E> collection) {
        List<E> elements = new ArrayList<>(collection);
        for (E element : elements) {
            collection.remove(element);
        }
        return elements;
    }
}
