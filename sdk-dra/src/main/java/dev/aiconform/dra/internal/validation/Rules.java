package dev.aiconform.dra.internal.validation;

/** The ids of the DRA API rules (one per area of pkg/apis/resource/validation). */
final class Rules {
  static final String CLAIM_REQUEST = "dra.claim.request";
  static final String REQUEST_DEVICE_CLASS = "dra.request.device-class";
  static final String REQUEST_ALLOCATION_MODE = "dra.request.allocation-mode";
  static final String SELECTOR_CEL = "dra.selector.cel";
  static final String REQUEST_TOLERATION = "dra.request.toleration";
  static final String REQUEST_DERIVED_ATTRIBUTE = "dra.request.derived-attribute";
  static final String CLAIM_CONSTRAINT = "dra.claim.constraint";
  static final String CLAIM_CONFIG = "dra.claim.config";
  static final String TEMPLATE_METADATA = "dra.template.metadata";
  static final String CLASS_EXTENDED_RESOURCE = "dra.class.extended-resource-name";
  static final String SLICE_POOL = "dra.slice.pool";
  static final String SLICE_NODE_SELECTION = "dra.slice.node-selection";
  static final String SLICE_DEVICE = "dra.slice.device";
  static final String SLICE_ATTRIBUTE = "dra.slice.attribute";
  static final String SLICE_CAPACITY = "dra.slice.capacity";
  static final String SLICE_TAINT = "dra.slice.taint";
  static final String SLICE_COUNTER = "dra.slice.counter";
  static final String SLICE_PARTITION = "dra.slice.partition";
  static final String TAINT_RULE = "dra.taint-rule.selector";
  static final String POD_RESOURCE_CLAIM = "dra.pod.resource-claim";
  static final String POD_CONTAINER_CLAIM = "dra.pod.container-claim";

  private Rules() {}
}
