/**
 * The rules of {@link dev.aiconform.core.validation.CoreRules}: object metadata and the pod-spec
 * subset the API server checks, plus the static {@code secure_accelerator_access} checks. Not API:
 * use the rules through the {@link dev.aiconform.core.validation.Validator}.
 */
package dev.aiconform.core.internal.rules;
