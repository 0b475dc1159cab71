package io.gatehouse.engine.expr;

import io.gatehouse.engine.expr.runtime.CsMath;
import io.gatehouse.engine.expr.runtime.CsMath.MidpointRounding;
import java.math.BigDecimal;

/** {@code System.Math} (spec 8.11) with C# overload resolution over int, long, double and decimal. */
final class MathCalls {
  private MathCalls() {}

  static Bound bind(Calls c) {
    int n = c.n;
    CsType t = widest(c);
    if (t == null) {
      return null;
    }
    switch (c.name) {
      case "Max", "Min" -> {
        if (n != 2) {
          return null;
        }
        Eval a = c.arg(0, t);
        Eval b = c.arg(1, t);
        boolean max = c.name.equals("Max");
        return c.of(t, switch (t.name) {
          case "int" -> f -> max ? CsMath.max((Integer) a.eval(f), (Integer) b.eval(f))
              : CsMath.min((Integer) a.eval(f), (Integer) b.eval(f));
          case "long" -> f -> max ? CsMath.max((Long) a.eval(f), (Long) b.eval(f))
              : CsMath.min((Long) a.eval(f), (Long) b.eval(f));
          case "decimal" -> f -> max ? CsMath.max((BigDecimal) a.eval(f), (BigDecimal) b.eval(f))
              : CsMath.min((BigDecimal) a.eval(f), (BigDecimal) b.eval(f));
          default -> f -> max ? CsMath.max((Double) a.eval(f), (Double) b.eval(f))
              : CsMath.min((Double) a.eval(f), (Double) b.eval(f));
        });
      }
      case "Abs" -> {
        if (n != 1) {
          return null;
        }
        Eval a = c.arg(0, t);
        return c.of(t, switch (t.name) {
          case "int" -> f -> CsMath.abs((Integer) a.eval(f));
          case "long" -> f -> CsMath.abs((Long) a.eval(f));
          case "decimal" -> f -> CsMath.abs((BigDecimal) a.eval(f));
          default -> f -> CsMath.abs((Double) a.eval(f));
        });
      }
      case "Round" -> {
        return round(c, t);
      }
      case "Floor", "Ceiling", "Truncate" -> {
        if (n != 1) {
          return null;
        }
        String op = c.name;
        if (t == CsType.DECIMAL) {
          Eval a = c.arg(0, CsType.DECIMAL);
          return c.of(t, f -> {
            BigDecimal v = (BigDecimal) a.eval(f);
            return op.equals("Floor") ? CsMath.floor(v) : op.equals("Ceiling") ? CsMath.ceiling(v)
                : CsMath.truncate(v);
          });
        }
        Eval a = c.arg(0, CsType.DOUBLE);
        return c.of(CsType.DOUBLE, f -> {
          double v = (Double) a.eval(f);
          return op.equals("Floor") ? CsMath.floor(v) : op.equals("Ceiling") ? CsMath.ceiling(v)
              : CsMath.truncate(v);
        });
      }
      case "Pow", "Sqrt", "Log", "Log10", "Exp" -> {
        int arity = c.name.equals("Pow") ? 2 : 1;
        if (n != arity || t == CsType.DECIMAL) {
          return null;
        }
        Eval a = c.arg(0, CsType.DOUBLE);
        Eval b = arity == 2 ? c.arg(1, CsType.DOUBLE) : f -> 0.0;
        String op = c.name;
        return c.of(CsType.DOUBLE, f -> {
          double x = (Double) a.eval(f);
          return switch (op) {
            case "Pow" -> CsMath.pow(x, (Double) b.eval(f));
            case "Sqrt" -> CsMath.sqrt(x);
            case "Log" -> CsMath.log(x);
            case "Log10" -> CsMath.log10(x);
            default -> CsMath.exp(x);
          };
        });
      }
      case "Sign" -> {
        if (n != 1) {
          return null;
        }
        if (t.isIntegral()) {
          Eval a = c.arg(0, CsType.LONG);
          return c.of(CsType.INT, f -> CsMath.sign((Long) a.eval(f)));
        }
        Eval a = c.arg(0, CsType.DOUBLE);
        return c.of(CsType.INT, f -> CsMath.sign((Double) a.eval(f)));
      }
      default -> {
        return null;
      }
    }
  }

  private static Bound round(Calls c, CsType t) {
    int n = c.n;
    boolean digits = n >= 2 && c.args.get(1).type != Library.MIDPOINT;
    boolean mode = n >= 2 && c.args.get(n - 1).type == Library.MIDPOINT;
    if (n < 1 || n > 3 || (n == 3 && !(digits && mode))) {
      return null;
    }
    Eval d = digits ? c.arg(1, CsType.INT) : f -> 0;
    Eval m = mode ? c.arg(n - 1, Library.MIDPOINT) : f -> MidpointRounding.ToEven;
    if (t == CsType.DECIMAL) {
      Eval a = c.arg(0, CsType.DECIMAL);
      return c.of(t, f -> CsMath.round((BigDecimal) a.eval(f), (Integer) d.eval(f),
          (MidpointRounding) m.eval(f)));
    }
    Eval a = c.arg(0, CsType.DOUBLE);
    return c.of(CsType.DOUBLE, f -> CsMath.round((Double) a.eval(f), (Integer) d.eval(f),
        (MidpointRounding) m.eval(f)));
  }

  /** The widest numeric type among the numeric arguments (int, long, double or decimal), or null. */
  private static CsType widest(Calls c) {
    CsType t = CsType.INT;
    for (Bound b : c.args) {
      if (!b.isValue()) {
        return null;
      }
      CsType a = b.type.underlying();
      if (a == Library.MIDPOINT) {
        continue;
      }
      if (!a.isNumeric()) {
        return null;
      }
      if (a == CsType.DECIMAL) {
        t = CsType.DECIMAL;
      } else if (t != CsType.DECIMAL && (a == CsType.DOUBLE || a == CsType.FLOAT)) {
        t = CsType.DOUBLE;
      } else if (t == CsType.INT && (a == CsType.LONG || a == CsType.UINT || a == CsType.ULONG)) {
        t = CsType.LONG;
      }
    }
    return t;
  }
}
