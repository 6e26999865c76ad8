/**
 * The in-memory cluster's scheduling framework and kube-scheduler's default plugins. Not API:
 * plugins implement {@link dev.aiconform.core.cluster.SchedulingPlugin}.
 */
package dev.aiconform.core.internal.cluster.scheduler;
