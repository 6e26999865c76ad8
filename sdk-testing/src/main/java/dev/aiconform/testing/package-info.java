/**
 * For test authors: AssertJ assertions on validation reports, simulations, bundles (golden YAML)
 * and apply results ({@link dev.aiconform.testing.AiconformAssertions}), and a JUnit 5 extension
 * that gives each test a fresh in-memory cluster.
 */
package dev.aiconform.testing;
