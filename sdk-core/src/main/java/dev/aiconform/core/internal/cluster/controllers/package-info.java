/**
 * kube-controller-manager's Job, Deployment, ReplicaSet and StatefulSet controllers, simplified for
 * the in-memory cluster. Not API: controllers implement {@link
 * dev.aiconform.core.cluster.Controller}.
 */
package dev.aiconform.core.internal.cluster.controllers;
