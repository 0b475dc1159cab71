package io.gatehouse.engine.expr;

import io.gatehouse.engine.expr.runtime.CsException;
import io.gatehouse.engine.expr.runtime.CsDateTime;
import io.gatehouse.engine.expr.runtime.CsDateTimeOffset;
import io.gatehouse.engine.expr.runtime.CsDecimal;
import io.gatehouse.engine.expr.runtime.CsTimeSpan;
import io.gatehouse.engine.expr.runtime.CsNumeric;
import io.gatehouse.engine.expr.Syntax.*;
import java.math.BigDecimal;
import java.util.Objects;

/** C# unary, binary and assignment operators with binary numeric promotion and lifting (spec 6.1-6.4). */
final class Operators {
  private Operators() {}

  static Bound unary(Binder b, Unary u) {
    if (u.op().equals("++") || u.op().equals("--")) {
      return increment(b, u.pos(), u.op(), u.operand(), false);
    }
    if (u.op().equals("-") && u.operand() instanceof Literal l && l.kind() == Token.Kind.UINT
        && ((Long) l.value()) == 2147483648L) {
      return Bound.constant(u.pos(), CsType.INT, Integer.MIN_VALUE);
    }
    if (u.op().equals("-") && u.operand() instanceof Literal l && l.kind() == Token.Kind.ULONG
        && ((Long) l.value()) == Long.MIN_VALUE) {
      return Bound.constant(u.pos(), CsType.LONG, Long.MIN_VALUE);
    }
    Bound v = b.value(u.operand());
    CsType t = v.type.underlying();
    Eval e = v.eval;
    switch (u.op()) {
      case "!" -> {
        if (t != CsType.BOOL) {
          throw new CompileError(u.pos(), "operator '!' cannot be applied to operand of type %s", v.type.name);
        }
        return fold(Bound.of(u.pos(), v.type, f -> {
          Object x = e.eval(f);
          return x == null ? null : !(Boolean) x;
        }), v);
      }
      case "-", "+", "~" -> {
        if (!t.isNumeric() || (u.op().equals("~") && !t.isIntegral())) {
          throw new CompileError(u.pos(), "operator %s cannot be applied to operand of type %s", u.op(), v.type.name);
        }
        CsType rt = t.rank < CsType.INT.rank ? CsType.INT : t;
        CsType type = v.type.isNullable() ? CsType.nullable(rt) : rt;
        String op = u.op();
        return fold(Bound.of(u.pos(), type, f -> {
          Object x = e.eval(f);
          if (x == null) {
            return null;
          }
          Object n = Values.convertNumeric(x, rt);
          if (op.equals("+")) {
            return n;
          }
          return switch (rt.name) {
            case "int" -> op.equals("-") ? -(Integer) n : ~(Integer) n;
            case "long", "uint", "ulong" -> op.equals("-") ? -(Long) n : ~(Long) n;
            case "double" -> -(Double) n;
            case "float" -> -(Float) n;
            default -> ((BigDecimal) n).negate();
          };
        }), v);
      }
      default -> throw new CompileError(u.pos(), "unsupported operator %s", u.op());
    }
  }

  /** Value types with C# ordering operators. */
  private static final java.util.Set<String> ORDERED = java.util.Set.of("DateTime", "TimeSpan", "DateTimeOffset");

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
  }

  private static Bound fold(Bound result, Bound... operands) {
    for (Bound o : operands) {
      if (!o.constant) {
        return result;
      }
    }
    try {
      return Bound.constant(result.pos, result.type, result.eval.eval(null));
    } catch (CsException e) {
      throw new CompileError(result.pos, "the constant expression fails: " + e.typeName());
    }
  }

  static Bound increment(Binder b, int pos, String op, Expr target, boolean postfix) {
    Bound t = b.value(target);
    if (t.store == null) {
      throw new CompileError(pos, "the operand of an increment or decrement operator must be a variable");
    }
    if (!t.type.underlying().isNumeric()) {
      throw new CompileError(pos, "operator %s cannot be applied to operand of type %s", op, t.type.name);
    }
    CsType type = t.type.underlying();
    Eval read = t.eval;
    Bound.Store store = t.store;
    Bound one = Bound.constant(pos, CsType.INT, 1);
    Eval delta = arithmetic(op.equals("++") ? "+" : "-", type, read, Conversions.implicit(one, type, pos));
    return Bound.of(pos, t.type, f -> {
      Object old = read.eval(f);
      if (old == null) {
        return null;
      }
      Object nv = Values.convertNumeric(delta.eval(f), type);
      store.set(f, nv);
      return postfix ? old : nv;
    });
  }

  static Bound assign(Binder b, Assign a) {
    Bound target = b.value(a.target());
    if (target.store == null) {
      throw new CompileError(a.pos(), targetError(a.target(), target));
    }
    Bound.Store store = target.store;
    Eval value;
    if (a.op().equals("=")) {
      value = Conversions.implicit(b.value(a.value()), target.type, a.value().pos());
    } else if (a.op().equals("??=")) {
      Eval rhs = Conversions.implicit(b.value(a.value()), target.type, a.value().pos());
      Eval read = target.eval;
      value = f -> {
        Object v = read.eval(f);
        return v != null ? v : rhs.eval(f);
      };
    } else {
      String op = a.op().substring(0, a.op().length() - 1);
      Bound result = binary(b, new Binary(a.pos(), op, a.target(), a.value()));
      CsType tt = target.type;
      if (!Conversions.implicitOk(result, tt) && !(tt.underlying().isNumeric() && result.type.isNumeric())) {
        throw new CompileError(a.pos(), "cannot implicitly convert type %s to %s", result.type.name, tt.name);
      }
      Eval re = result.eval;
      value = tt.underlying().isNumeric() ? f -> {
        Object v = re.eval(f);
        return v == null ? null : Values.convertNumeric(v, tt.underlying());
      } : re;
    }
    Eval ve = value;
    return Bound.of(a.pos(), target.type, f -> {
      Object v = ve.eval(f);
      store.set(f, v);
      return v;
    });
  }

  private static String targetError(Expr target, Bound t) {
    if (target instanceof Index && t.type == CsType.CHAR) {
      return "property or indexer 'string.this[int]' cannot be assigned to -- it is read only";
    }
    if (target instanceof Name) {
      return "cannot assign to this variable (it is read-only)";
    }
    return "property or indexer cannot be assigned to -- it is read only";
  }

  static Bound binary(Binder b, Binary x) {
    String op = x.op();
    if (op.equals("&&") || op.equals("||")) {
      Eval l = b.condition(x.left());
      Eval r = b.condition(x.right());
      Bound res = op.equals("&&")
          ? Bound.of(x.pos(), CsType.BOOL, f -> Boolean.TRUE.equals(l.eval(f)) && Boolean.TRUE.equals(r.eval(f)))
          : Bound.of(x.pos(), CsType.BOOL, f -> Boolean.TRUE.equals(l.eval(f)) || Boolean.TRUE.equals(r.eval(f)));
      return res;
    }
    Bound l = b.value(x.left());
    Bound r = b.value(x.right());
    if (op.equals("??")) {
      return coalesce(x, l, r);
    }
    if (op.equals("==") || op.equals("!=")) {
      Eval eq = equality(b, x, l, r);
      return op.equals("==") ? fold(Bound.of(x.pos(), CsType.BOOL, eq), l, r)
          : fold(Bound.of(x.pos(), CsType.BOOL, f -> !(Boolean) eq.eval(f)), l, r);
    }
    if (op.equals("+") && (l.type.kind == CsType.Kind.STRING || r.type.kind == CsType.Kind.STRING)) {
      if (l.type == CsType.VOID || r.type == CsType.VOID) {
        throw new CompileError(x.pos(), "operator '+' cannot be applied to a void operand");
      }
      Eval le = l.eval;
      Eval re = r.eval;
      Bound res = Bound.of(x.pos(), CsType.STRING, f -> {
        String s = Values.toText(le.eval(f));
        return f == null ? s + Values.toText(re.eval(f)) : f.checkString(s.concat(Values.toText(re.eval(f))));
      });
      return fold(res, l, r);
    }
    CsType lt = l.type.underlying();
    CsType rt = r.type.underlying();
    boolean lifted = l.type.isNullable() || r.type.isNullable() || l.type == CsType.NULL || r.type == CsType.NULL;
    if ((op.equals("&") || op.equals("|") || op.equals("^")) && lt == Library.REGEX_OPTIONS && rt == lt) {
      Eval le = l.eval;
      Eval re = r.eval;
      return fold(Bound.of(x.pos(), lt, f -> {
        int a = (Integer) le.eval(f);
        int c = (Integer) re.eval(f);
        return op.equals("&") ? a & c : op.equals("|") ? a | c : a ^ c;
      }), l, r);
    }
    if ((op.equals("&") || op.equals("|") || op.equals("^")) && lt == CsType.BOOL && rt == CsType.BOOL) {
      Eval le = l.eval;
      Eval re = r.eval;
      return Bound.of(x.pos(), CsType.BOOL, f -> {
        boolean a = (Boolean) le.eval(f);
        boolean c = (Boolean) re.eval(f);
        return op.equals("&") ? a & c : op.equals("|") ? a | c : a ^ c;
      });
    }
    if (op.equals("-") && (lt == Library.DATETIME || lt == Library.DATETIMEOFFSET) && rt.equals(lt)) {
      Eval le = l.eval;
      Eval re = r.eval;
      return Bound.of(x.pos(), Library.TIMESPAN, f -> {
        Object a = Values.requireNonNull(le.eval(f));
        Object c = Values.requireNonNull(re.eval(f));
        return a instanceof CsDateTime d ? d.subtract((CsDateTime) c)
            : ((CsDateTimeOffset) a).subtract((CsDateTimeOffset) c);
      });
    }
    if ((op.equals("+") || op.equals("-")) && rt == Library.TIMESPAN
        && (lt == Library.DATETIME || lt == Library.DATETIMEOFFSET || lt == Library.TIMESPAN)) {
      Eval le = l.eval;
      Eval re = r.eval;
      boolean plus = op.equals("+");
      return Bound.of(x.pos(), lt, f -> {
        Object a = Values.requireNonNull(le.eval(f));
        CsTimeSpan span = (CsTimeSpan) Values.requireNonNull(re.eval(f));
        CsTimeSpan s = plus ? span : span.negate();
        return a instanceof CsDateTime d ? d.add(s) : a instanceof CsDateTimeOffset o ? o.add(s)
            : ((CsTimeSpan) a).add(s);
      });
    }
    if (lt.kind == CsType.Kind.VALUE && lt.equals(rt) && ORDERED.contains(lt.name) && isComparison(op)) {
      Eval le = l.eval;
      Eval re = r.eval;
      return Bound.of(x.pos(), CsType.BOOL, f -> {
        Object a = le.eval(f);
        Object c = re.eval(f);
        return a != null && c != null && compare(op, compareValues(a, c));
      });
    }
    if (!lt.isNumeric() || !rt.isNumeric()) {
      throw new CompileError(x.pos(), "operator %s cannot be applied to operands of type %s and %s", op,
          l.type.name, r.type.name);
    }
    CsType pt = promote(x.pos(), op, lt, rt);
    Eval le = convertTo(l, pt);
    Eval re = convertTo(r, pt);
    if (isComparison(op)) {
      Bound res = Bound.of(x.pos(), CsType.BOOL, f -> {
        Object a = le.eval(f);
        Object c = re.eval(f);
        return a != null && c != null && compare(op, compareNumbers(a, c));
      });
      return fold(res, l, r);
    }
    if (op.equals("<<") || op.equals(">>")) {
      Eval count = convertTo(r, CsType.INT);
      CsType st = lt.rank < CsType.INT.rank ? CsType.INT : lt;
      Eval val = convertTo(l, st);
      return fold(Bound.of(x.pos(), st, f -> {
        Object a = val.eval(f);
        Object c = count.eval(f);
        if (a == null || c == null) {
          return null;
        }
        int n = (Integer) c;
        if (a instanceof Integer i) {
          return op.equals("<<") ? i << n : i >> n;
        }
        return op.equals("<<") ? (Long) a << n : (Long) a >> n;
      }), l, r);
    }
    Eval ar = arithmetic(op, pt, le, re);
    CsType type = lifted ? CsType.nullable(pt) : pt;
    return fold(Bound.of(x.pos(), type, ar), l, r);
  }

  private static Eval convertTo(Bound b, CsType t) {
    Eval e = b.eval;
    CsType from = b.type.underlying();
    if (from.equals(t)) {
      return e;
    }
    return f -> {
      Object v = e.eval(f);
      return v == null ? null : Values.convertNumeric(v, t);
    };
  }

  private static boolean isComparison(String op) {
    return op.equals("<") || op.equals(">") || op.equals("<=") || op.equals(">=");
  }

  private static boolean compare(String op, int c) {
    return switch (op) {
      case "<" -> c < 0;
      case ">" -> c > 0;
      case "<=" -> c <= 0;
      default -> c >= 0;
    };
  }

  private static int compareNumbers(Object a, Object c) {
    if (a instanceof BigDecimal x) {
      return x.compareTo((BigDecimal) c);
    }
    if (a instanceof Double || a instanceof Float) {
      double x = ((Number) a).doubleValue();
      double y = ((Number) c).doubleValue();
      return x < y ? -1 : x > y ? 1 : x == y ? 0 : 2;
    }
    return Long.compare(((Number) a).longValue(), ((Number) c).longValue());
  }

  private static CsType promote(int pos, String op, CsType a, CsType b) {
    if ((a == CsType.DECIMAL && (b == CsType.DOUBLE || b == CsType.FLOAT))
        || (b == CsType.DECIMAL && (a == CsType.DOUBLE || a == CsType.FLOAT))) {
      throw new CompileError(pos, "operator %s cannot be applied to operands of type %s and %s", op, a.name, b.name);
    }
    CsType t = a.rank >= b.rank ? a : b;
    if (t.rank < CsType.INT.rank) {
      return CsType.INT;
    }
    if (t == CsType.UINT && (a == CsType.INT || b == CsType.INT)) {
      return CsType.LONG;
    }
    return t;
  }

  static Eval arithmetic(String op, CsType t, Eval le, Eval re) {
    return f -> {
      Object a = le.eval(f);
      Object c = re.eval(f);
      if (a == null || c == null) {
        return null;
      }
      return switch (t.name) {
        case "int" -> intOp(op, (Integer) a, (Integer) c);
        case "long", "uint", "ulong" -> longOp(op, (Long) a, (Long) c, t);
        case "double" -> doubleOp(op, (Double) a, (Double) c);
        case "float" -> (float) doubleOp(op, (Float) a, (Float) c);
        default -> decimalOp(op, (BigDecimal) a, (BigDecimal) c);
      };
    };
  }

  private static Object intOp(String op, int a, int b) {
    switch (op) {
      case "+" -> {
        return a + b;
      }
      case "-" -> {
        return a - b;
      }
      case "*" -> {
        return a * b;
      }
      case "&" -> {
        return a & b;
      }
      case "|" -> {
        return a | b;
      }
      case "^" -> {
        return a ^ b;
      }
      default -> {
        return op.equals("/") ? CsNumeric.divide(a, b) : CsNumeric.remainder(a, b);
      }
    }
  }

  private static Object longOp(String op, long a, long b, CsType t) {
    long r;
    switch (op) {
      case "+" -> r = a + b;
      case "-" -> r = a - b;
      case "*" -> r = a * b;
      case "&" -> r = a & b;
      case "|" -> r = a | b;
      case "^" -> r = a ^ b;
      default -> {
        if (t == CsType.ULONG) {
          if (b == 0) {
            throw CsException.divideByZero();
          }
          r = op.equals("/") ? Long.divideUnsigned(a, b) : Long.remainderUnsigned(a, b);
        } else {
          r = op.equals("/") ? CsNumeric.divide(a, b) : CsNumeric.remainder(a, b);
        }
      }
    }
    return t == CsType.UINT ? r & 0xFFFFFFFFL : r;
  }

  private static double doubleOp(String op, double a, double b) {
    return switch (op) {
      case "+" -> a + b;
      case "-" -> a - b;
      case "*" -> a * b;
      case "/" -> a / b;
      case "%" -> a % b;
      default -> throw new IllegalStateException(op);
    };
  }

  private static Object decimalOp(String op, BigDecimal a, BigDecimal b) {
    return switch (op) {
      case "+" -> CsDecimal.add(a, b);
      case "-" -> CsDecimal.subtract(a, b);
      case "*" -> CsDecimal.multiply(a, b);
      case "/" -> CsDecimal.divide(a, b);
      default -> CsDecimal.remainder(a, b);
    };
  }

  private static Bound coalesce(Binary x, Bound l, Bound r) {
    if (l.type.isValueType() && !l.type.isNullable()) {
      throw new CompileError(x.pos(), "operator '??' cannot be applied to operands of type %s and %s",
          l.type.name, r.type.name);
    }
    CsType type;
    Eval le = l.eval;
    Eval re;
    CsType lu = l.type.underlying();
    if (l.type.isNullable() && Conversions.implicitOk(r, lu)) {
      type = lu;
      re = Conversions.implicit(r, lu, r.pos);
    } else if (Conversions.implicitOk(r, l.type)) {
      type = l.type == CsType.NULL ? r.type : l.type;
      re = Conversions.implicit(r, type, r.pos);
    } else if (Conversions.implicitOk(l, r.type)) {
      type = r.type;
      re = r.eval;
    } else {
      throw new CompileError(x.pos(), "operator '??' cannot be applied to operands of type %s and %s",
          l.type.name, r.type.name);
    }
    return Bound.of(x.pos(), type, f -> {
      Object v = le.eval(f);
      return v != null ? v : re.eval(f);
    });
  }

  private static Eval equality(Binder b, Binary x, Bound l, Bound r) {
    CsType lt = l.type;
    CsType rt = r.type;
    Eval le = l.eval;
    Eval re = r.eval;
    if (lt == CsType.NULL || rt == CsType.NULL) {
      CsType other = lt == CsType.NULL ? rt : lt;
      if (other.isValueType() && !other.isNullable()) {
        return f -> false;
      }
      Eval oe = lt == CsType.NULL ? re : le;
      return f -> oe.eval(f) == null;
    }
    CsType lu = lt.underlying();
    CsType ru = rt.underlying();
    if (lu.isNumeric() && ru.isNumeric()) {
      CsType pt = promote(x.pos(), x.op(), lu, ru);
      Eval a = convertTo(l, pt);
      Eval c = convertTo(r, pt);
      return f -> {
        Object p = a.eval(f);
        Object q = c.eval(f);
        if (p == null || q == null) {
          return p == q;
        }
        return compareNumbers(p, q) == 0;
      };
    }
    if ((lu == CsType.BOOL && ru == CsType.BOOL) || (lu.kind == CsType.Kind.STRING && ru.kind == CsType.Kind.STRING)
        || (lu.kind == CsType.Kind.VALUE && lu.equals(ru))) {
      return f -> Objects.equals(le.eval(f), re.eval(f));
    }
    boolean lref = !lt.isValueType();
    boolean rref = !rt.isValueType();
    if (lref && rref && (Conversions.isSubtype(lt, rt) || Conversions.isSubtype(rt, lt))) {
      if ((lt.kind == CsType.Kind.OBJECT && rt.kind == CsType.Kind.STRING)
          || (rt.kind == CsType.Kind.OBJECT && lt.kind == CsType.Kind.STRING)) {
        b.reporter().warning(x.pos(), "possible unintended reference comparison: cast the object side to"
            + " (string) or use Equals to compare values (CS0252)");
      }
      return f -> le.eval(f) == re.eval(f);
    }
    throw new CompileError(x.pos(), "operator %s cannot be applied to operands of type %s and %s", x.op(), lt.name,
        rt.name);
  }
}
