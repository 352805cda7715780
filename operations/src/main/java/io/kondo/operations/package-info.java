/**
 * Operations: feedback loops on a clock that observe the backing cluster, decide with core's pure
 * policies and act through small interfaces the app wires (never on another component directly).
 * One package per loop; {@code storage} keeps tenants within their storage quotas.
 */
package io.kondo.operations;
