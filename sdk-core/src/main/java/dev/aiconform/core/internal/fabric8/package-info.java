/**
 * The real-cluster client behind {@link dev.aiconform.core.cluster.Fabric8ClusterClient}: requests
 * with retries ({@link dev.aiconform.core.internal.fabric8.ApiServer}), resource resolution,
 * gang-safe apply plans, API status parsing, readiness probes and discovery. Not API.
 */
package dev.aiconform.core.internal.fabric8;
