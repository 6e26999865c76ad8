package dev.aiconform.dra.internal.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.HashMap;
import java.util.Map;

/**
 * A static worst-case cost estimate of a selector expression, modelled on cel-go's {@code
 * checker.CostEstimator} with the size bounds dynamic-resource-allocation/cel declares for the
 * {@code device} variable: domains ≤ 63 bytes, ids ≤ 32, attribute values ≤ 64, driver ≤ 63, each
 * map ≤ 32 entries. cel-java has no estimator of its own.
 *
 * <p>Unit costs: variable and field access 1, {@code has()} 0 beyond its operand, constants 0,
 * calls 1 plus argument costs, string traversals (equality, contains, startsWith, endsWith,
 * lowerAscii, matches, …) 0.1 per byte of the longest input, list literals 10, map literals 30,
 * comprehensions (macros, {@code cel.bind}) the range plus per iteration the condition and step.
 */
final class CelCostEstimator {
  // the bounds dynamic-resource-allocation/cel/compile.go gives the device type
  private static final long DOMAIN_MAX = 63;
  private static final long DRIVER_MAX = 63;
  private static final long ATTRIBUTE_VALUE_MAX = 64;
  private static final long MAP_MAX = 32;
  private static final long UNKNOWN = 1024;

  private enum Shape {
    DEVICE,
    ATTR_OUTER,
    ATTR_INNER,
    ATTR_VALUE,
    CAP_OUTER,
    CAP_INNER,
    SCALAR,
    STRING,
    LIST,
    MAP,
    OTHER
  }

  private record Est(long cost, long size, Shape shape) {}

  private final CelAbstractSyntaxTree ast;
  private final Map<String, Est> scope = new HashMap<>();

  CelCostEstimator(CelAbstractSyntaxTree ast) {
    this.ast = ast;
  }

  long estimate() {
    return visit(ast.getExpr()).cost;
  }

  private Est visit(CelExpr e) {
    switch (e.getKind()) {
      case CONSTANT:
        {
          CelConstant c = e.constant();
          if (c.getKind() == CelConstant.Kind.STRING_VALUE) {
            return new Est(0, c.stringValue().length(), Shape.STRING);
          }
          return new Est(0, 1, Shape.SCALAR);
        }
      case IDENT:
        {
          String name = e.ident().name();
          if (name.equals("device")) return new Est(1, 1, Shape.DEVICE);
          Est bound = scope.get(name);
          return bound == null ? new Est(1, 1, Shape.OTHER) : new Est(1, bound.size, bound.shape);
        }
      case SELECT:
        {
          Est operand = visit(e.select().operand());
          long own = e.select().testOnly() ? 0 : 1;
          return step(operand, e.select().field(), operand.cost + own);
        }
      case CALL:
        return call(e.call());
      case LIST:
        {
          long cost = 10;
          for (CelExpr el : e.list().elements()) cost = add(cost, visit(el).cost);
          return new Est(cost, e.list().elements().size(), Shape.LIST);
        }
      case MAP:
        {
          long cost = 30;
          for (CelExpr.CelMap.Entry en : e.map().entries()) {
            cost = add(cost, add(visit(en.key()).cost, visit(en.value()).cost));
          }
          return new Est(cost, e.map().entries().size(), Shape.MAP);
        }
      case STRUCT:
        return new Est(40, 1, Shape.OTHER);
      case COMPREHENSION:
        return comprehension(e.comprehension());
      default:
        return new Est(1, 1, Shape.OTHER);
    }
  }

  private Est step(Est operand, String key, long cost) {
    switch (operand.shape) {
      case DEVICE:
        switch (key) {
          case "driver":
            return new Est(cost, DRIVER_MAX, Shape.STRING);
          case "attributes":
            return new Est(cost, MAP_MAX, Shape.ATTR_OUTER);
          case "capacity":
            return new Est(cost, MAP_MAX, Shape.CAP_OUTER);
          default:
            return new Est(cost, 1, Shape.SCALAR);
        }
      case ATTR_OUTER:
        return new Est(cost, MAP_MAX, Shape.ATTR_INNER);
      case ATTR_INNER:
        return new Est(cost, ATTRIBUTE_VALUE_MAX, Shape.ATTR_VALUE);
      case CAP_OUTER:
        return new Est(cost, MAP_MAX, Shape.CAP_INNER);
      case CAP_INNER:
        return new Est(cost, 1, Shape.SCALAR);
      default:
        return new Est(cost, UNKNOWN, Shape.OTHER);
    }
  }

  private Est call(CelExpr.CelCall call) {
    String fn = call.function();
    Est target = call.target().map(this::visit).orElse(null);
    long cost = target == null ? 0 : target.cost;
    long maxSize = target == null ? 0 : target.size;
    Est first = null;
    Est[] args = new Est[call.args().size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = visit(call.args().get(i));
      cost = add(cost, args[i].cost);
      maxSize = Math.max(maxSize, args[i].size);
      if (first == null) first = args[i];
    }
    switch (fn) {
      case "_[_]":
      case "_[?_]":
        return step(args[0], "", cost + 1);
      case "_&&_":
      case "_||_":
      case "_?_:_":
      case "!_":
      case "@not_strictly_false":
        return new Est(cost, 1, Shape.SCALAR);
      case "_==_":
      case "_!=_":
        return new Est(
            add(cost, 1 + traversal(Math.min(args[0].size, args[1].size))), 1, Shape.SCALAR);
      case "@in":
        return new Est(
            add(cost, args[1].shape == Shape.LIST ? Math.max(1, args[1].size) : 1),
            1,
            Shape.SCALAR);
      case "contains":
      case "startsWith":
      case "endsWith":
      case "lowerAscii":
      case "upperAscii":
      case "trim":
      case "replace":
      case "split":
      case "quantity":
      case "isQuantity":
      case "semver":
      case "isSemver":
      case "charAt":
      case "indexOf":
      case "lastIndexOf":
      case "substring":
        return new Est(
            add(cost, 1 + traversal(maxSize)),
            maxSize,
            fn.equals("split") ? Shape.LIST : Shape.STRING);
      case "matches":
      case "find":
      case "findAll":
        {
          long subject = target != null ? target.size : args[0].size;
          long pattern = args[args.length - 1].size;
          return new Est(
              add(cost, 1 + traversal(subject) * Math.max(1, ceilDiv(pattern, 4))),
              subject,
              Shape.STRING);
        }
      case "size":
        return new Est(cost + 1, 1, Shape.SCALAR);
      default:
        return new Est(cost + 1, Math.max(1, maxSize), Shape.SCALAR);
    }
  }

  private Est comprehension(CelExpr.CelComprehension c) {
    Est range = visit(c.iterRange());
    long iterations =
        c.iterRange().getKind() == CelExpr.ExprKind.Kind.LIST
            ? c.iterRange().list().elements().size()
            : range.size;
    Est element = elementOf(range);
    Est saved1 = scope.put(c.iterVar(), element);
    Est saved2 = c.iterVar2().isEmpty() ? null : scope.put(c.iterVar2(), element);
    Est init = visit(c.accuInit());
    Est savedAccu = scope.put(c.accuVar(), init);
    long perIteration = add(visit(c.loopCondition()).cost, visit(c.loopStep()).cost);
    Est result = visit(c.result());
    restore(c.accuVar(), savedAccu);
    if (!c.iterVar2().isEmpty()) restore(c.iterVar2(), saved2);
    restore(c.iterVar(), saved1);
    long cost = add(add(range.cost, init.cost), add(mul(iterations, perIteration), result.cost));
    return new Est(cost, result.size, result.shape);
  }

  private void restore(String name, Est saved) {
    if (saved == null) scope.remove(name);
    else scope.put(name, saved);
  }

  private static Est elementOf(Est range) {
    switch (range.shape) {
      case ATTR_OUTER:
        return new Est(0, DOMAIN_MAX, Shape.STRING);
      case ATTR_INNER:
      case CAP_INNER:
        return new Est(0, 32, Shape.STRING);
      case CAP_OUTER:
        return new Est(0, DOMAIN_MAX, Shape.STRING);
      case ATTR_VALUE:
        return new Est(0, ATTRIBUTE_VALUE_MAX, Shape.ATTR_VALUE);
      default:
        return new Est(0, UNKNOWN, Shape.OTHER);
    }
  }

  private static long traversal(long size) {
    return ceilDiv(size, 10);
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  private static long add(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }

  private static long mul(long a, long b) {
    if (a == 0 || b == 0) return 0;
    return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
  }

  /** A regular expression literal that does not compile, as cel's AST validators reject it. */
  static String regexLiteralError(CelExpr e) {
    switch (e.getKind()) {
      case CALL:
        {
          CelExpr.CelCall call = e.call();
          String fn = call.function();
          if ((fn.equals("matches") || fn.equals("find") || fn.equals("findAll"))
              && !call.args().isEmpty()) {
            CelExpr pattern =
                call.target().isPresent()
                    ? call.args().get(0)
                    : call.args().get(call.args().size() - 1);
            if (pattern.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                && pattern.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
              String err = DraCelEnvironment.regexError(pattern.constant().stringValue());
              if (err != null) return "ERROR: <input>: invalid regular expression: " + err;
            }
          }
          for (CelExpr a : call.args()) {
            String err = regexLiteralError(a);
            if (err != null) return err;
          }
          return call.target().map(CelCostEstimator::regexLiteralError).orElse(null);
        }
      case SELECT:
        return regexLiteralError(e.select().operand());
      case LIST:
        for (CelExpr el : e.list().elements()) {
          String err = regexLiteralError(el);
          if (err != null) return err;
        }
        return null;
      case COMPREHENSION:
        {
          CelExpr.CelComprehension c = e.comprehension();
          for (CelExpr part :
              new CelExpr[] {
                c.iterRange(), c.accuInit(), c.loopCondition(), c.loopStep(), c.result()
              }) {
            String err = regexLiteralError(part);
            if (err != null) return err;
          }
          return null;
        }
      default:
        return null;
    }
  }
}
