package dev.aiconform.dra.internal.cel;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.checker.CelStandardDeclarations;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelStandardFunctions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CEL environment of DRA device selectors, as the Kubernetes API server and scheduler build it
 * (dynamic-resource-allocation/cel/compile.go on top of apiserver's base environment): one variable
 * {@code device} of object type {@code kubernetes.DRADevice}, the quantity and semver libraries,
 * optionals, the strings/lists/sets/two-variable-comprehension extensions, {@code cel.bind}, the
 * Kubernetes regex ({@code find}, {@code findAll}) and list ({@code isSorted}, {@code sum}, {@code
 * min}, {@code max}) libraries, and — with DRAListTypeAttributes — {@code includes}.
 *
 * <p>Compiled expressions are cached by text, as the scheduler does. Thread-safe.
 */
public final class DraCelEnvironment {
  // staging/src/k8s.io/api/resource/v1/types.go: CELSelectorExpressionMaxLength
  public static final int CEL_SELECTOR_EXPRESSION_MAX_LENGTH = 10 * 1024;
  // staging/src/k8s.io/api/resource/v1/types.go: CELSelectorExpressionMaxCost
  public static final long CEL_SELECTOR_EXPRESSION_MAX_COST = 1_000_000;

  static final OpaqueType QUANTITY = OpaqueType.create("kubernetes.Quantity");
  static final OpaqueType SEMVER = OpaqueType.create("kubernetes.Semver");

  private static final Map<Boolean, DraCelEnvironment> BY_LIST_FEATURE = new ConcurrentHashMap<>();

  private final Cel cel;
  private final StructType deviceType;
  private final Map<String, CompiledExpression> cache = new ConcurrentHashMap<>();

  private DraCelEnvironment(boolean listTypeAttributes) {
    this.deviceType =
        StructType.create(
            "kubernetes.DRADevice",
            ImmutableSet.of("driver", "attributes", "capacity", "allowMultipleAllocations"),
            DraCelEnvironment::fieldType);
    StructType device = deviceType;
    CelTypeProvider types =
        new CelTypeProvider() {
          @Override
          public ImmutableCollection<CelType> types() {
            return ImmutableList.of(device, QUANTITY, SEMVER);
          }

          @Override
          public Optional<CelType> findType(String name) {
            return types().stream().filter(t -> t.name().equals(name)).findFirst();
          }
        };
    CelOptions options =
        CelOptions.current()
            .enableOptionalSyntax(true)
            .enableHeterogeneousNumericComparisons(true)
            .enableHomogeneousLiterals(true)
            .enableTimestampEpoch(true)
            .comprehensionMaxIterations(100_000)
            .build();
    Library lib = new Library();
    quantityLibrary(lib);
    semverLibrary(lib);
    regexLibrary(lib);
    listsLibrary(lib);
    if (listTypeAttributes) {
      lib.member("includes", "dra_includes", SimpleType.BOOL, SimpleType.DYN, SimpleType.DYN);
      lib.bindings.add(
          CelFunctionBinding.from(
              "dra_includes",
              Object.class,
              Object.class,
              (a, b) -> a instanceof List ? ((List<?>) a).contains(b) : a.equals(b)));
    }
    // `key in map` must consult containsKey so that unknown domains are absent (see DomainMap).
    lib.bindings.add(
        CelFunctionBinding.from(
            "in_map", Object.class, Map.class, (k, m) -> ((Map<?, ?>) m).containsKey(k)));
    this.cel =
        CelFactory.standardCelBuilder()
            .setOptions(options)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setTypeProvider(types)
            .setStandardEnvironmentEnabled(false)
            .setStandardDeclarations(CelStandardDeclarations.newBuilder().build())
            .setStandardFunctions(
                CelStandardFunctions.newBuilder()
                    .filterFunctions(
                        (f, o) ->
                            !(f == CelStandardFunctions.StandardFunction.IN
                                && o.toString().equals("IN_MAP")))
                    .build())
            .addVar("device", deviceType)
            .addCompilerLibraries(
                CelExtensions.optional(),
                CelExtensions.strings(),
                CelExtensions.bindings(),
                CelExtensions.sets(options),
                CelExtensions.lists(),
                CelExtensions.comprehensions())
            .addRuntimeLibraries(
                CelExtensions.optional(),
                CelExtensions.strings(),
                CelExtensions.sets(options),
                CelExtensions.lists(),
                CelExtensions.comprehensions())
            .addFunctionDeclarations(lib.declarations())
            .addFunctionBindings(lib.bindings)
            .build();
  }

  /** The environment with the standard feature set (list-type attributes off). */
  public static DraCelEnvironment get() {
    return get(false);
  }

  public static DraCelEnvironment get(boolean listTypeAttributes) {
    return BY_LIST_FEATURE.computeIfAbsent(listTypeAttributes, DraCelEnvironment::new);
  }

  private static Optional<CelType> fieldType(String field) {
    switch (field) {
      case "driver":
        return Optional.of(SimpleType.STRING);
      case "attributes":
        return Optional.of(
            MapType.create(SimpleType.STRING, MapType.create(SimpleType.STRING, SimpleType.DYN)));
      case "capacity":
        return Optional.of(
            MapType.create(SimpleType.STRING, MapType.create(SimpleType.STRING, QUANTITY)));
      case "allowMultipleAllocations":
        return Optional.of(SimpleType.BOOL);
      default:
        return Optional.empty();
    }
  }

  /**
   * Compiles (or returns the cached compilation of) a selector expression: the length check, parse
   * and type check, the result-type check and the cost estimate, in the API server's order.
   */
  public CompiledExpression compile(String expression) {
    CompiledExpression cached = cache.get(expression);
    if (cached != null) {
      return cached;
    }
    CompiledExpression compiled = doCompile(expression);
    if (cache.size() < 10_000) {
      cache.put(expression, compiled);
    }
    return compiled;
  }

  private CompiledExpression doCompile(String expression) {
    if (expression.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        > CEL_SELECTOR_EXPRESSION_MAX_LENGTH) {
      return CompiledExpression.failed(
          expression,
          CompiledExpression.ErrorKind.TOO_LONG,
          "may not be more than " + CEL_SELECTOR_EXPRESSION_MAX_LENGTH + " bytes");
    }
    CelAbstractSyntaxTree ast;
    try {
      ast = cel.compile(expression).getAst();
    } catch (CelValidationException e) {
      return CompiledExpression.failed(
          expression,
          CompiledExpression.ErrorKind.INVALID,
          "compilation failed: " + e.getMessage());
    }
    CelType out = ast.getResultType();
    if (out.kind() != CelKind.BOOL && out.kind() != CelKind.DYN) {
      return CompiledExpression.failed(
          expression,
          CompiledExpression.ErrorKind.INVALID,
          "must evaluate to bool or the unknown type, not " + out.name());
    }
    String regexError = CelCostEstimator.regexLiteralError(ast.getExpr());
    if (regexError != null) {
      return CompiledExpression.failed(
          expression, CompiledExpression.ErrorKind.INVALID, "compilation failed: " + regexError);
    }
    CelRuntime.Program program;
    try {
      program = cel.createProgram(ast);
    } catch (CelEvaluationException e) {
      return CompiledExpression.failed(
          expression,
          CompiledExpression.ErrorKind.INTERNAL,
          "program instantiation failed: " + e.getMessage());
    }
    long cost = new CelCostEstimator(ast).estimate();
    return CompiledExpression.ok(expression, program, cost);
  }

  // ---------------------------------------------------------------------------------------------
  // Libraries. Names and semantics follow k8s.io/apiserver/pkg/cel/library (quantity.go,
  // semverlib.go, regex.go, lists.go); the implementations are our own.

  private static void quantityLibrary(Library lib) {
    lib.global("quantity", "k8s_quantity_parse", QUANTITY, SimpleType.STRING);
    lib.bindings.add(
        CelFunctionBinding.from("k8s_quantity_parse", String.class, KubeQuantity::parse));
    lib.global("isQuantity", "k8s_is_quantity", SimpleType.BOOL, SimpleType.STRING);
    lib.bindings.add(
        CelFunctionBinding.from("k8s_is_quantity", String.class, KubeQuantity::isQuantity));
    lib.member("isInteger", "k8s_quantity_is_integer", SimpleType.BOOL, QUANTITY);
    lib.bindings.add(
        CelFunctionBinding.from(
            "k8s_quantity_is_integer", KubeQuantity.class, KubeQuantity::isInteger));
    lib.member("asInteger", "k8s_quantity_as_integer", SimpleType.INT, QUANTITY);
    lib.bindings.add(
        CelFunctionBinding.from(
            "k8s_quantity_as_integer", KubeQuantity.class, KubeQuantity::asInteger));
    lib.member("asApproximateFloat", "k8s_quantity_as_float", SimpleType.DOUBLE, QUANTITY);
    lib.bindings.add(
        CelFunctionBinding.from(
            "k8s_quantity_as_float", KubeQuantity.class, KubeQuantity::asApproximateFloat));
    lib.member("sign", "k8s_quantity_sign", SimpleType.INT, QUANTITY);
    lib.bindings.add(
        CelFunctionBinding.from("k8s_quantity_sign", KubeQuantity.class, KubeQuantity::sign));
    lib.member("add", "k8s_quantity_add", QUANTITY, QUANTITY, QUANTITY);
    lib.member("add", "k8s_quantity_add_int", QUANTITY, QUANTITY, SimpleType.INT);
    lib.member("sub", "k8s_quantity_sub", QUANTITY, QUANTITY, QUANTITY);
    lib.member("sub", "k8s_quantity_sub_int", QUANTITY, QUANTITY, SimpleType.INT);
    lib.bindings.add(
        CelFunctionBinding.from(
            "k8s_quantity_add", KubeQuantity.class, KubeQuantity.class, KubeQuantity::add));
    lib.bindings.add(
        CelFunctionBinding.from(
            "k8s_quantity_add_int", KubeQuantity.class, Long.class, (q, i) -> q.add(i)));
    lib.bindings.add(
        CelFunctionBinding.from(
            "k8s_quantity_sub", KubeQuantity.class, KubeQuantity.class, KubeQuantity::sub));
    lib.bindings.add(
        CelFunctionBinding.from(
            "k8s_quantity_sub_int", KubeQuantity.class, Long.class, (q, i) -> q.sub(i)));
    lib.member("isGreaterThan", "k8s_quantity_gt", SimpleType.BOOL, QUANTITY, QUANTITY);
    lib.member("isLessThan", "k8s_quantity_lt", SimpleType.BOOL, QUANTITY, QUANTITY);
    lib.member("compareTo", "k8s_quantity_cmp", SimpleType.INT, QUANTITY, QUANTITY);
    lib.bindings.add(
        CelFunctionBinding.from(
            "k8s_quantity_gt",
            KubeQuantity.class,
            KubeQuantity.class,
            (a, b) -> a.compareTo(b) > 0));
    lib.bindings.add(
        CelFunctionBinding.from(
            "k8s_quantity_lt",
            KubeQuantity.class,
            KubeQuantity.class,
            (a, b) -> a.compareTo(b) < 0));
    lib.bindings.add(
        CelFunctionBinding.from(
            "k8s_quantity_cmp",
            KubeQuantity.class,
            KubeQuantity.class,
            (a, b) -> (long) Integer.signum(a.compareTo(b))));
  }

  private static void semverLibrary(Library lib) {
    lib.global("semver", "k8s_semver_parse", SEMVER, SimpleType.STRING);
    lib.global("semver", "k8s_semver_parse_normalize", SEMVER, SimpleType.STRING, SimpleType.BOOL);
    lib.global("isSemver", "k8s_is_semver", SimpleType.BOOL, SimpleType.STRING);
    lib.global(
        "isSemver", "k8s_is_semver_normalize", SimpleType.BOOL, SimpleType.STRING, SimpleType.BOOL);
    lib.bindings.add(CelFunctionBinding.from("k8s_semver_parse", String.class, KubeSemver::parse));
    lib.bindings.add(
        CelFunctionBinding.from(
            "k8s_semver_parse_normalize",
            String.class,
            Boolean.class,
            (s, n) -> n ? KubeSemver.parseNormalized(s) : KubeSemver.parse(s)));
    lib.bindings.add(
        CelFunctionBinding.from("k8s_is_semver", String.class, s -> KubeSemver.isSemver(s, false)));
    lib.bindings.add(
        CelFunctionBinding.from(
            "k8s_is_semver_normalize", String.class, Boolean.class, KubeSemver::isSemver));
    lib.member("major", "k8s_semver_major", SimpleType.INT, SEMVER);
    lib.member("minor", "k8s_semver_minor", SimpleType.INT, SEMVER);
    lib.member("patch", "k8s_semver_patch", SimpleType.INT, SEMVER);
    lib.bindings.add(
        CelFunctionBinding.from("k8s_semver_major", KubeSemver.class, KubeSemver::major));
    lib.bindings.add(
        CelFunctionBinding.from("k8s_semver_minor", KubeSemver.class, KubeSemver::minor));
    lib.bindings.add(
        CelFunctionBinding.from("k8s_semver_patch", KubeSemver.class, KubeSemver::patch));
    lib.member("isGreaterThan", "k8s_semver_gt", SimpleType.BOOL, SEMVER, SEMVER);
    lib.member("isLessThan", "k8s_semver_lt", SimpleType.BOOL, SEMVER, SEMVER);
    lib.member("compareTo", "k8s_semver_cmp", SimpleType.INT, SEMVER, SEMVER);
    lib.bindings.add(
        CelFunctionBinding.from(
            "k8s_semver_gt", KubeSemver.class, KubeSemver.class, (a, b) -> a.compareTo(b) > 0));
    lib.bindings.add(
        CelFunctionBinding.from(
            "k8s_semver_lt", KubeSemver.class, KubeSemver.class, (a, b) -> a.compareTo(b) < 0));
    lib.bindings.add(
        CelFunctionBinding.from(
            "k8s_semver_cmp",
            KubeSemver.class,
            KubeSemver.class,
            (a, b) -> (long) Integer.signum(a.compareTo(b))));
  }

  private static void regexLibrary(Library lib) {
    lib.member("find", "k8s_string_find", SimpleType.STRING, SimpleType.STRING, SimpleType.STRING);
    lib.member(
        "findAll",
        "k8s_string_find_all",
        ListType.create(SimpleType.STRING),
        SimpleType.STRING,
        SimpleType.STRING);
    lib.member(
        "findAll",
        "k8s_string_find_all_n",
        ListType.create(SimpleType.STRING),
        SimpleType.STRING,
        SimpleType.STRING,
        SimpleType.INT);
    lib.bindings.add(
        CelFunctionBinding.from(
            "k8s_string_find",
            String.class,
            String.class,
            (s, re) -> {
              Matcher m = Pattern.compile(re).matcher(s);
              return m.find() ? m.group() : "";
            }));
    lib.bindings.add(
        CelFunctionBinding.from(
            "k8s_string_find_all", String.class, String.class, (s, re) -> findAll(s, re, -1)));
    lib.bindings.add(
        CelFunctionBinding.from(
            "k8s_string_find_all_n",
            ImmutableList.of(String.class, String.class, Long.class),
            args -> findAll((String) args[0], (String) args[1], (Long) args[2])));
  }

  private static List<String> findAll(String s, String re, long limit) {
    List<String> out = new ArrayList<>();
    if (limit == 0) return out;
    Matcher m = Pattern.compile(re).matcher(s);
    while (m.find() && (limit < 0 || out.size() < limit)) {
      out.add(m.group());
    }
    return out;
  }

  private static void listsLibrary(Library lib) {
    CelType list = ListType.create(SimpleType.DYN);
    lib.member("isSorted", "k8s_list_is_sorted", SimpleType.BOOL, list);
    lib.member("sum", "k8s_list_sum", SimpleType.DYN, list);
    lib.member("min", "k8s_list_min", SimpleType.DYN, list);
    lib.member("max", "k8s_list_max", SimpleType.DYN, list);
    lib.bindings.add(
        CelFunctionBinding.from(
            "k8s_list_is_sorted",
            List.class,
            l -> {
              for (int i = 1; i < l.size(); i++) {
                if (compare(l.get(i - 1), l.get(i)) > 0) return false;
              }
              return true;
            }));
    lib.bindings.add(
        CelFunctionBinding.from(
            "k8s_list_sum",
            List.class,
            l -> {
              if (l.isEmpty()) return 0L;
              Object acc = l.get(0);
              for (int i = 1; i < l.size(); i++) acc = sum(acc, l.get(i));
              return acc;
            }));
    lib.bindings.add(CelFunctionBinding.from("k8s_list_min", List.class, l -> extreme(l, -1)));
    lib.bindings.add(CelFunctionBinding.from("k8s_list_max", List.class, l -> extreme(l, 1)));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (a instanceof Number && b instanceof Number) {
      return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
    }
    return ((Comparable) a).compareTo(b);
  }

  private static Object sum(Object a, Object b) {
    if (a instanceof Long && b instanceof Long) return Math.addExact((Long) a, (Long) b);
    if (a instanceof Number && b instanceof Number) {
      return ((Number) a).doubleValue() + ((Number) b).doubleValue();
    }
    if (a instanceof KubeQuantity && b instanceof KubeQuantity) {
      return ((KubeQuantity) a).add((KubeQuantity) b);
    }
    throw new IllegalArgumentException("no such overload: sum of " + a.getClass().getSimpleName());
  }

  private static Object extreme(List<?> l, int sign) {
    if (l.isEmpty()) {
      throw new IllegalArgumentException(
          sign < 0 ? "min called on empty list" : "max called on empty list");
    }
    Object best = l.get(0);
    for (Object o : l) {
      if (Integer.signum(compare(o, best)) == sign) best = o;
    }
    return best;
  }

  /** Collects declarations per function name (several libraries share names like compareTo). */
  private static final class Library {
    final Map<String, List<CelOverloadDecl>> overloads = new LinkedHashMap<>();
    final List<CelFunctionBinding> bindings = new ArrayList<>();

    void global(String name, String id, CelType result, CelType... args) {
      overloads
          .computeIfAbsent(name, k -> new ArrayList<>())
          .add(CelOverloadDecl.newGlobalOverload(id, result, args));
    }

    void member(String name, String id, CelType result, CelType target, CelType... args) {
      List<CelType> all = new ArrayList<>();
      all.add(target);
      all.addAll(List.of(args));
      overloads
          .computeIfAbsent(name, k -> new ArrayList<>())
          .add(CelOverloadDecl.newMemberOverload(id, result, all));
    }

    List<CelFunctionDecl> declarations() {
      List<CelFunctionDecl> out = new ArrayList<>();
      overloads.forEach((n, o) -> out.add(CelFunctionDecl.newFunctionDeclaration(n, o)));
      return out;
    }
  }

  /** Thrown-away helper to keep PatternSyntaxException referenced for the regex validator. */
  static String regexError(String re) {
    try {
      Pattern.compile(re);
      return null;
    } catch (PatternSyntaxException e) {
      return e.getMessage();
    }
  }
}
