package dev.aiconform.dra.internal.validation;

import dev.aiconform.core.validation.FieldPath;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceDerivedAttribute;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSelector;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSubRequest;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceToleration;
import io.fabric8.kubernetes.api.model.resource.v1.ExactDeviceRequest;
import java.util.List;

/**
 * The devices one {@code exactly} request or one {@code firstAvailable} alternative asks for, at
 * its field path: the two API types share these fields but no Java type. Absent lists are empty.
 */
record RequestedDevices(
    FieldPath path,
    String deviceClassName,
    List<DeviceSelector> selectors,
    List<DeviceDerivedAttribute> derivedAttributes,
    String allocationMode,
    Long count,
    List<DeviceToleration> tolerations) {

  static RequestedDevices of(ExactDeviceRequest e, FieldPath path) {
    return new RequestedDevices(
        path,
        e.getDeviceClassName(),
        ResourceApiValidation.nn(e.getSelectors()),
        ResourceApiValidation.nn(e.getDerivedAttributes()),
        e.getAllocationMode(),
        e.getCount(),
        ResourceApiValidation.nn(e.getTolerations()));
  }

  static RequestedDevices of(DeviceSubRequest s, FieldPath path) {
    return new RequestedDevices(
        path,
        s.getDeviceClassName(),
        ResourceApiValidation.nn(s.getSelectors()),
        ResourceApiValidation.nn(s.getDerivedAttributes()),
        s.getAllocationMode(),
        s.getCount(),
        ResourceApiValidation.nn(s.getTolerations()));
  }
}
