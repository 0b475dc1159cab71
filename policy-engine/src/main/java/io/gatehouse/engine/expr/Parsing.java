package io.gatehouse.engine.expr;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** {@code int.Parse}-style parsing and {@code Convert.ToX} with the invariant culture. */
final class Parsing {
  private Parsing() {}

  static Object parse(String s, CsType t) {
    if (s == null) {
      throw Values.fail("ArgumentNullException", "Value cannot be null. (Parameter 's')");
    }
    String x = s.strip();
    try {
      return switch (t.name) {
        case "int" -> {
          long v = parseIntegral(x);
          if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw Values.fail("OverflowException", "Value was either too large or too small for an Int32.");
          }
          yield (int) v;
        }
        case "long" -> parseIntegral(x);
        case "double" -> Double.parseDouble(x);
        case "decimal" -> new BigDecimal(x);
        case "bool" -> {
          if (x.equalsIgnoreCase("true")) {
            yield true;
          }
          if (x.equalsIgnoreCase("false")) {
            yield false;
          }
          throw Values.fail("FormatException", "String '" + s + "' was not recognized as a valid Boolean.");
        }
        default -> throw new IllegalStateException(t.name);
      };
    } catch (NumberFormatException e) {
      throw Values.fail("FormatException", "The input string '" + s + "' was not in a correct format.");
    }
  }

  private static long parseIntegral(String x) {
    if (x.isEmpty() || !x.matches("[+-]?[0-9]+")) {
      throw new NumberFormatException();
    }
    try {
      return Long.parseLong(x.startsWith("+") ? x.substring(1) : x);
    } catch (NumberFormatException e) {
      throw Values.fail("OverflowException", "Value was either too large or too small for an Int64.");
    }
  }

  static Object convert(Object v, CsType t) {
    if (t == CsType.STRING) {
      return v == null ? "" : Values.toText(v);
    }
    if (v == null) {
      return Conversions.defaultValue(t);
    }
    if (v instanceof String s) {
      return parse(s, t);
    }
    if (t == CsType.BOOL) {
      if (v instanceof Boolean) {
        return v;
      }
      if (v instanceof Number num) {
        return num.doubleValue() != 0;
      }
    }
    if (v instanceof Boolean b) {
      return Values.convertNumeric(b ? 1 : 0, t);
    }
    if (v instanceof Number || v instanceof Character) {
      if (t.isIntegral() && (v instanceof Double || v instanceof Float || v instanceof BigDecimal)) {
        BigDecimal r = Values.toDecimal(v).setScale(0, RoundingMode.HALF_EVEN);
        if (t == CsType.INT && (r.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
            || r.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0)) {
          throw Values.fail("OverflowException", "Value was either too large or too small for an Int32.");
        }
        return Values.convertNumeric(r, t);
      }
      return Values.convertNumeric(v, t);
    }
    throw Values.fail("InvalidCastException", "Unable to cast object of type '" + Values.netTypeName(v)
        + "' to type 'System.IConvertible'.");
  }
}
