/** The REST API of DESIGN.md served with Javalin: routes, bearer-token auth, JSON views, error mapping. */
package io.kondo.controlplane.http;
