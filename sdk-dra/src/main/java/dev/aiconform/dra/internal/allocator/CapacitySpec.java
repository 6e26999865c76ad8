package dev.aiconform.dra.internal.allocator;

import dev.aiconform.dra.internal.cel.CelDeviceInput;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.resource.v1.CapacityRequestPolicy;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceCapacity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * One capacity of a device with its request policy, and the consumable-capacity arithmetic of the
 * allocator (dynamic-resource-allocation structured/internal/incubating/consumable_capacity.go):
 * what a request consumes (rounded up to the policy's valid values or range steps, the default or
 * the whole capacity when not requested) and whether that violates the policy.
 *
 * <p>Arithmetic is exact decimal arithmetic, which equals Kubernetes' integer arithmetic for whole
 * quantities and its milli-unit arithmetic for fractional ranges (DRAFractionalCapacityRange).
 */
final class CapacitySpec {
  final String name;
  final BigDecimal value;
  final Quantity quantity;
  final BigDecimal policyDefault;
  final Quantity policyDefaultQuantity;
  final List<BigDecimal> validValues;
  final List<Quantity> validValueQuantities;
  final BigDecimal rangeMin;
  final Quantity rangeMinQuantity;
  final BigDecimal rangeMax;
  final BigDecimal rangeStep;
  final boolean hasPolicy;

  CapacitySpec(String name, DeviceCapacity capacity) {
    this.name = name;
    this.quantity = capacity == null ? null : capacity.getValue();
    this.value = value(quantity);
    CapacityRequestPolicy p = capacity == null ? null : capacity.getRequestPolicy();
    this.hasPolicy = p != null;
    this.policyDefaultQuantity = p == null ? null : p.getDefault();
    this.policyDefault = policyDefaultQuantity == null ? null : value(policyDefaultQuantity);
    List<BigDecimal> vv = new ArrayList<>();
    List<Quantity> vq = new ArrayList<>();
    if (p != null && p.getValidValues() != null) {
      for (Quantity q : p.getValidValues()) {
        vv.add(value(q));
        vq.add(q);
      }
    }
    this.validValues = vv;
    this.validValueQuantities = vq;
    var range = p == null ? null : p.getValidRange();
    this.rangeMinQuantity = range == null ? null : range.getMin();
    this.rangeMin = rangeMinQuantity == null ? null : value(rangeMinQuantity);
    this.rangeMax = range == null || range.getMax() == null ? null : value(range.getMax());
    this.rangeStep = range == null || range.getStep() == null ? null : value(range.getStep());
  }

  static BigDecimal value(Quantity q) {
    return q == null ? BigDecimal.ZERO : CelDeviceInput.quantity(q).value();
  }

  /** What an allocation consumes when it requests {@code requested} (null: not requested). */
  BigDecimal consumed(BigDecimal requested) {
    if (requested == null) {
      return policyDefault != null ? policyDefault : value;
    }
    if (!hasPolicy) {
      return requested;
    }
    if (rangeMin != null) {
      if (requested.compareTo(rangeMin) < 0) return rangeMin;
      if (rangeStep == null || rangeStep.signum() <= 0) return requested;
      BigDecimal added = requested.subtract(rangeMin);
      BigDecimal n = added.divide(rangeStep, 0, RoundingMode.CEILING);
      return rangeMin.add(rangeStep.multiply(n));
    }
    if (!validValues.isEmpty()) {
      for (BigDecimal v : validValues) {
        if (requested.compareTo(v) <= 0) return v;
      }
    }
    return requested;
  }

  /** The consumed amount as a quantity for {@code consumedCapacity} in allocation results. */
  Quantity consumedQuantity(BigDecimal requested, Quantity requestedQuantity) {
    if (requested == null) {
      return policyDefaultQuantity != null ? policyDefaultQuantity : quantity;
    }
    BigDecimal consumed = consumed(requested);
    if (consumed.compareTo(requested) == 0) return requestedQuantity;
    if (rangeMin != null && consumed.compareTo(rangeMin) == 0) return rangeMinQuantity;
    for (int i = 0; i < validValues.size(); i++) {
      if (validValues.get(i).compareTo(consumed) == 0) return validValueQuantities.get(i);
    }
    return new Quantity(format(consumed));
  }

  /** Whether consuming {@code consumed} is against the request policy. */
  boolean violatesPolicy(BigDecimal consumed) {
    if (!hasPolicy) return false;
    if (policyDefault != null && policyDefault.compareTo(consumed) == 0) return false;
    if (rangeMin != null || rangeMax != null || rangeStep != null) {
      if (rangeMax != null && consumed.compareTo(rangeMax) > 0) return true;
      if (rangeStep != null && rangeStep.signum() > 0 && rangeMin != null) {
        BigDecimal added = consumed.subtract(rangeMin);
        return added.remainder(rangeStep).signum() != 0;
      }
      return false;
    }
    if (!validValues.isEmpty()) {
      for (BigDecimal v : validValues) {
        if (v.compareTo(consumed) == 0) return false;
      }
      return true;
    }
    return false;
  }

  /**
   * A canonical quantity: whole multiples of 1024 with a binary suffix, other whole numbers as
   * digits, fractions in milli units (apimachinery's BinarySI / DecimalSI canonical forms).
   */
  static String format(BigDecimal v) {
    BigDecimal stripped = v.stripTrailingZeros();
    if (stripped.scale() <= 0) {
      BigInteger i = stripped.toBigIntegerExact();
      String[] suffixes = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
      BigInteger k = BigInteger.valueOf(1024);
      String suffix = "";
      for (String s : suffixes) {
        if (i.signum() != 0 && i.mod(k).signum() == 0) {
          i = i.divide(k);
          suffix = s;
        } else {
          break;
        }
      }
      return i + suffix;
    }
    return v.movePointRight(3).setScale(0, RoundingMode.CEILING).toPlainString() + "m";
  }
}
