package dev.aiconform.core.internal.rules;

import dev.aiconform.core.validation.EmbeddedPodSpec;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.LabelSyntax;
import dev.aiconform.core.validation.NameFormat;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.ResourceNames;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The checks pkg/apis/core/validation applies to the containers of a pod spec (validateContainers,
 * validateInitContainers, validateContainerCommon, validateResourceRequirements): shared by the API
 * rules and by the StatefulSet rule, whose template the server does not validate.
 */
final class PodSpecChecks {
  private static final String HUGEPAGES_PREFIX = ResourceNames.HUGEPAGES_PREFIX;

  private PodSpecChecks() {}

  /** Containers are required, named with unique DNS-1123 labels, and have an image. */
  static void containers(EmbeddedPodSpec pod, Findings out) {
    PodSpec spec = pod.spec();
    FieldPath containersPath = pod.specPath().child("containers");
    List<Container> containers = spec.getContainers();
    Set<String> names = new HashSet<>();
    if (containers == null || containers.isEmpty()) {
      out.report(
          containersPath,
          Reason.REQUIRED,
          "a pod needs at least one container, found none",
          "add a container with a name and an image under " + containersPath);
    } else {
      for (int i = 0; i < containers.size(); i++) {
        Container c = containers.get(i);
        FieldPath path = containersPath.index(i);
        common(c, path, pod.isPod(), out);
        String name = c.getName() == null ? "" : c.getName();
        // Regular containers record even an empty name, as the API server does.
        if (!names.add(name)) {
          out.report(
              path.child("name"),
              Reason.DUPLICATE,
              "container name " + Text.quote(name) + " is used twice",
              "give every container of the pod its own name");
        }
      }
    }
    List<Container> init = spec.getInitContainers();
    if (init != null) {
      FieldPath initPath = pod.specPath().child("initContainers");
      for (int i = 0; i < init.size(); i++) {
        Container c = init.get(i);
        FieldPath path = initPath.index(i);
        common(c, path, pod.isPod(), out);
        String name = c.getName() == null ? "" : c.getName();
        if (names.contains(name)) {
          out.report(
              path.child("name"),
              Reason.DUPLICATE,
              "init container name "
                  + Text.quote(name)
                  + " is already the name of another container of the pod",
              "give every container and init container of the pod its own name");
        } else if (!name.isEmpty()) {
          names.add(name);
        }
      }
    }
  }

  private static void common(Container c, FieldPath path, boolean isPod, Findings out) {
    String name = c.getName();
    if (name == null || name.isEmpty()) {
      out.report(
          path.child("name"),
          Reason.REQUIRED,
          "container name is required, found none",
          "name the container, such as 'trainer'");
    } else {
      for (String problem : NameFormat.DNS1123_LABEL.problems(name)) {
        out.report(
            path.child("name"),
            Reason.INVALID,
            "container name " + Text.quote(name) + " " + problem,
            "use a lower-case name such as 'trainer'");
      }
    }
    String image = c.getImage();
    if (image == null || image.isEmpty()) {
      out.report(
          path.child("image"),
          Reason.REQUIRED,
          "container " + Text.quote(String.valueOf(name)) + " has no image",
          "set image, such as 'nvcr.io/nvidia/pytorch:25.01-py3'");
    } else if (isPod && !image.equals(image.strip())) {
      out.report(
          path.child("image"),
          Reason.INVALID,
          "image " + Text.quote(image) + " must not have leading or trailing whitespace",
          "remove the spaces around the image reference");
    }
  }

  /**
   * Resource names are valid container resources, quantities are non-negative (whole numbers for
   * extended resources), requests do not exceed limits, and extended resources and huge pages are
   * not overcommitted: their limit is required and equals the request.
   */
  static void resources(EmbeddedPodSpec pod, Findings out) {
    eachContainer(
        pod,
        (container, path) -> {
          ResourceRequirements r = container.getResources();
          if (r != null) {
            requirements(r, path.child("resources"), out);
          }
        });
  }

  /**
   * Each container of the pod, then each init container, with its field path ({@code
   * spec.containers[0]}, {@code spec.template.spec.initContainers[1]}).
   */
  static void eachContainer(EmbeddedPodSpec pod, BiConsumer<Container, FieldPath> action) {
    each(pod.spec().getContainers(), pod.specPath().child("containers"), action);
    each(pod.spec().getInitContainers(), pod.specPath().child("initContainers"), action);
  }

  private static void each(
      List<Container> containers, FieldPath listPath, BiConsumer<Container, FieldPath> action) {
    if (containers == null) {
      return;
    }
    for (int i = 0; i < containers.size(); i++) {
      action.accept(containers.get(i), listPath.index(i));
    }
  }

  private static void requirements(ResourceRequirements r, FieldPath path, Findings out) {
    FieldPath limitsPath = path.child("limits");
    FieldPath requestsPath = path.child("requests");
    Map<String, Quantity> limits = r.getLimits() == null ? Map.of() : r.getLimits();
    Map<String, Quantity> requests = r.getRequests() == null ? Map.of() : r.getRequests();
    boolean cpuOrMemory = false;
    boolean hugePages = false;
    for (Map.Entry<String, Quantity> limit : new TreeMap<>(limits).entrySet()) {
      String resource = limit.getKey();
      FieldPath at = limitsPath.key(resource);
      resourceName(resource, at, out);
      quantity(resource, limit.getValue(), at, out);
      hugePageValue(resource, limit.getValue(), at, out);
      cpuOrMemory |= resource.equals("cpu") || resource.equals("memory");
      hugePages |= resource.startsWith(HUGEPAGES_PREFIX);
    }
    for (Map.Entry<String, Quantity> request : new TreeMap<>(requests).entrySet()) {
      String resource = request.getKey();
      FieldPath at = requestsPath.key(resource);
      resourceName(resource, at, out);
      Optional<BigDecimal> amount = quantity(resource, request.getValue(), at, out);
      hugePageValue(resource, request.getValue(), at, out);
      cpuOrMemory |= resource.equals("cpu") || resource.equals("memory");
      hugePages |= resource.startsWith(HUGEPAGES_PREFIX);
      Quantity limitQuantity = limits.get(resource);
      boolean overcommitAllowed = isOvercommitAllowed(resource);
      if (limitQuantity == null) {
        if (!overcommitAllowed) {
          out.report(
              limitsPath,
              Reason.REQUIRED,
              resource
                  + " is requested without a limit; a limit must be set for resources that cannot"
                  + " be overcommitted",
              "add limits: {"
                  + resource
                  + ": "
                  + text(request.getValue())
                  + "} (the limit must equal the request)");
        }
        continue;
      }
      Optional<BigDecimal> limit = amountOf(limitQuantity);
      if (amount.isEmpty() || limit.isEmpty()) {
        continue;
      }
      int cmp = amount.get().compareTo(limit.get());
      if (cmp != 0 && !overcommitAllowed) {
        out.report(
            requestsPath,
            Reason.INVALID,
            resource
                + " request "
                + text(request.getValue())
                + " must equal its limit "
                + text(limitQuantity)
                + ": "
                + resource
                + " cannot be overcommitted",
            "set the request and the limit of " + resource + " to the same number");
      } else if (cmp > 0) {
        out.report(
            requestsPath,
            Reason.INVALID,
            resource
                + " request "
                + text(request.getValue())
                + " must be less than or equal to its limit "
                + text(limitQuantity),
            "raise the " + resource + " limit or lower the request");
      }
    }
    if (hugePages && !cpuOrMemory) {
      out.report(
          path,
          Reason.FORBIDDEN,
          "huge pages are requested without cpu or memory",
          "request or limit cpu or memory alongside the huge pages");
    }
  }

  /** validateContainerResourceName: a standard container resource or a fully qualified one. */
  private static void resourceName(String resource, FieldPath at, Findings out) {
    List<String> syntax = LabelSyntax.keyProblems(resource);
    if (!syntax.isEmpty()) {
      for (String problem : syntax) {
        out.report(
            at,
            Reason.INVALID,
            "resource name " + Text.quote(resource) + ": " + problem,
            "use cpu, memory, ephemeral-storage or a vendor resource such as 'nvidia.com/gpu'");
      }
      return;
    }
    if (!resource.contains("/")) {
      // validateResourceName first: a bare name must at least be a standard resource type (one a
      // quota can name); validateContainerResourceName then adds its own finding.
      if (!ResourceNames.isStandard(resource)) {
        out.report(
            at,
            Reason.INVALID,
            "resource "
                + Text.quote(resource)
                + " must be a standard resource type or fully qualified",
            hintForBareName(resource));
      }
      if (!ResourceNames.isStandardContainerResource(resource)) {
        out.report(
            at,
            Reason.INVALID,
            "resource "
                + Text.quote(resource)
                + " must be a standard resource for containers (cpu, memory, ephemeral-storage,"
                + " hugepages-<size>) or fully qualified",
            hintForBareName(resource));
      }
    } else if (!ResourceNames.isNative(resource) && !ResourceNames.isExtended(resource)) {
      out.report(
          at,
          Reason.INVALID,
          "resource " + Text.quote(resource) + " does not follow the extended resource name rules",
          "extended resources are '<domain>/<name>' and must not start with 'requests.'");
    }
  }

  private static String hintForBareName(String resource) {
    if (resource.equalsIgnoreCase("gpu") || resource.equalsIgnoreCase("gpus")) {
      return "accelerators are extended resources: use the vendor's name, such as 'nvidia.com/gpu'";
    }
    return "prefix vendor resources with their domain, such as 'example.com/" + resource + "'";
  }

  /** ValidateResourceQuantityValue: non-negative, and a whole number for extended resources. */
  private static Optional<BigDecimal> quantity(
      String resource, Quantity quantity, FieldPath at, Findings out) {
    Optional<BigDecimal> amount = amountOf(quantity);
    if (amount.isEmpty()) {
      out.report(
          at,
          Reason.INVALID,
          "quantity " + Text.quote(text(quantity)) + " of " + resource + " is not a quantity",
          "write a quantity such as '2', '500m' or '16Gi'");
      return amount;
    }
    if (amount.get().signum() < 0) {
      out.report(
          at,
          Reason.INVALID,
          resource + " must be greater than or equal to 0, found " + text(quantity),
          "use a non-negative quantity");
    }
    if (ResourceNames.isExtended(resource) && amount.get().stripTrailingZeros().scale() > 0) {
      out.report(
          at,
          Reason.INVALID,
          resource + " must be an integer, found " + text(quantity),
          "extended resources such as "
              + resource
              + " are counted in whole devices; to share a device use MIG, time-slicing or a DRA"
              + " claim");
    }
    return amount;
  }

  /**
   * validateResourceQuantityHugePageValue: a huge page quantity is a whole number of pages of the
   * size the resource name gives (helper.IsHugePageResourceValueDivisible); a name whose size is
   * not a positive whole quantity fails too.
   */
  private static void hugePageValue(
      String resource, Quantity quantity, FieldPath at, Findings out) {
    if (!resource.startsWith(HUGEPAGES_PREFIX)) {
      return;
    }
    Optional<BigDecimal> amount = amountOf(quantity);
    if (amount.isEmpty()) {
      return; // reported as not a quantity
    }
    Optional<BigDecimal> pageSize =
        amountOf(new Quantity(resource.substring(HUGEPAGES_PREFIX.length())));
    boolean divisible =
        pageSize.isPresent()
            && pageSize.get().signum() > 0
            && pageSize.get().stripTrailingZeros().scale() <= 0
            && amount.get().setScale(0, RoundingMode.CEILING).remainder(pageSize.get()).signum()
                == 0;
    if (!divisible) {
      out.report(
          at,
          Reason.INVALID,
          text(quantity) + " is not a positive integer multiple of " + resource,
          pageSize.isPresent()
              ? "use a whole number of " + resource.substring(HUGEPAGES_PREFIX.length()) + " pages"
              : "name huge pages by their page size, such as hugepages-2Mi or hugepages-1Gi");
    }
  }

  /** helper.IsOvercommitAllowed: native resources other than huge pages. */
  private static boolean isOvercommitAllowed(String resource) {
    return ResourceNames.isNative(resource) && !ResourceNames.isHugePages(resource);
  }

  private static Optional<BigDecimal> amountOf(Quantity quantity) {
    if (quantity == null || quantity.getAmount() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(quantity.getNumericalAmount());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String text(Quantity quantity) {
    if (quantity == null) {
      return "";
    }
    String amount = quantity.getAmount() == null ? "" : quantity.getAmount();
    String format = quantity.getFormat() == null ? "" : quantity.getFormat();
    return amount + format;
  }

  /** The restart policy after defaulting (SetDefaults_PodSpec: Always). */
  static String restartPolicy(PodSpec spec) {
    String policy = spec.getRestartPolicy();
    return policy == null || policy.isEmpty() ? "Always" : policy;
  }
}
