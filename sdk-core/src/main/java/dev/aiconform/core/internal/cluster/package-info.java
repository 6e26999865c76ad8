/**
 * The engine of {@link dev.aiconform.core.cluster.InMemoryCluster}: object store, admission and the
 * run to quiescence. Not API: use the {@code dev.aiconform.core.cluster} package.
 */
package dev.aiconform.core.internal.cluster;
