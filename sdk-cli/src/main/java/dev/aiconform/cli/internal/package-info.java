/**
 * How the {@code aiconform} command renders reports (text, JSON, SARIF, JUnit XML) and reads its
 * input. Not API: the output formats are specified in docs/cli.md.
 */
package dev.aiconform.cli.internal;
