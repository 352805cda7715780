/** Plans: named sets of limits a logical cluster is held to, and the catalog operators configure. */
package io.kondo.core.plan;
