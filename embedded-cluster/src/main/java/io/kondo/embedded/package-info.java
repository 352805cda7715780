/**
 * A real Apache Kafka KRaft cluster on loopback, one child JVM per node, for {@code ./kondo up}
 * and integration tests; never used when an external backing cluster is configured.
 */
package io.kondo.embedded;
