/**
 * JMH benchmarks of AIConform. Each benchmark class states the baseline it is compared with; the
 * README's Performance section reports ratios against those baselines.
 */
package dev.aiconform.benchmarks;
