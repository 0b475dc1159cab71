package io.gatehouse.engine.expr;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.engine.context.ResponseContext;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** C# runtime semantics of values: ToString text, numeric conversion, runtime type tests. */
final class Values {
  private Values() {}

  static final MathContext DECIMAL = new MathContext(29);

  /** A .NET exception as the engine reports it. */
  static ExpressionFailure fail(String type, String message) {
    return new ExpressionFailure(type, message);
  }

  static ExpressionFailure nullReference() {
    return fail("NullReferenceException", "Object reference not set to an instance of an object.");
  }

  static ExpressionFailure invalidCast(Object v, CsType to) {
    return fail("InvalidCastException", "Unable to cast object of type '" + netTypeName(v) + "' to type '"
        + netName(to) + "'.");
  }

  static Object requireNonNull(Object v) {
    if (v == null) {
      throw nullReference();
    }
    return v;
  }

  /** The .NET full type name of a runtime value, for messages. */
  static String netTypeName(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String) {
      return "System.String";
    }
    if (v instanceof Integer) {
      return "System.Int32";
    }
    if (v instanceof Long) {
      return "System.Int64";
    }
    if (v instanceof Boolean) {
      return "System.Boolean";
    }
    if (v instanceof Double) {
      return "System.Double";
    }
    if (v instanceof Character) {
      return "System.Char";
    }
    if (v instanceof BigDecimal) {
      return "System.Decimal";
    }
    if (v instanceof JsonNode n) {
      return "Newtonsoft.Json.Linq." + Json.typeName(n);
    }
    if (v instanceof String[]) {
      return "System.String[]";
    }
    if (v instanceof ResponseContext) {
      return "Microsoft.WindowsAzure.ApiManagement.Proxy.Gateway.Policies.Expressions.IResponse";
    }
    return v.getClass().getSimpleName();
  }

  static String netName(CsType t) {
    return switch (t.name) {
      case "string" -> "System.String";
      case "int" -> "System.Int32";
      case "long" -> "System.Int64";
      case "bool" -> "System.Boolean";
      case "double" -> "System.Double";
      case "char" -> "System.Char";
      case "decimal" -> "System.Decimal";
      case "object" -> "System.Object";
      case "JObject", "JArray", "JToken", "JValue", "JProperty" -> "Newtonsoft.Json.Linq." + t.name;
      default -> t.name;
    };
  }

  /** C# {@code ToString()} of a runtime value with the invariant culture; null gives "". */
  static String toText(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (v instanceof Double d) {
      return formatDouble(d);
    }
    if (v instanceof Float f) {
      return formatDouble(Double.parseDouble(Float.toString(f)));
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof JsonNode n) {
      return Json.toText(n);
    }
    if (v instanceof Json.Property p) {
      return Json.write(p, true);
    }
    if (v instanceof Map.Entry<?, ?> e) {
      return "[" + toText(e.getKey()) + ", " + toText(e.getValue()) + "]";
    }
    if (v instanceof String[]) {
      return "System.String[]";
    }
    if (v instanceof Object[]) {
      return "System.Object[]";
    }
    if (v instanceof byte[]) {
      return "System.Byte[]";
    }
    if (v instanceof UUID u) {
      return u.toString();
    }
    if (v instanceof List<?>) {
      return "System.Collections.Generic.List`1[System.Object]";
    }
    return v.toString();
  }

  /** .NET Core 3.0+ shortest round-trip double text ({@code 3}, {@code 1E+21}, {@code 1E-07}). */
  static String formatDouble(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return (1 / d) < 0 ? "-0" : "0";
    }
    BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    int exponent = bd.precision() - bd.scale() - 1;
    if (exponent >= 15 || exponent < -5) {
      String digits = bd.unscaledValue().abs().toString();
      StringBuilder sb = new StringBuilder(d < 0 ? "-" : "");
      sb.append(digits.charAt(0));
      if (digits.length() > 1) {
        sb.append('.').append(digits, 1, digits.length());
      }
      sb.append('E').append(exponent < 0 ? '-' : '+');
      String e = Integer.toString(Math.abs(exponent));
      sb.append(e.length() < 2 ? "0" + e : e);
      return sb.toString();
    }
    return bd.toPlainString();
  }

  // ---- numbers ----

  static long toLong(Object v) {
    if (v instanceof Character c) {
      return c;
    }
    return ((Number) v).longValue();
  }

  static double toDouble(Object v) {
    if (v instanceof Character c) {
      return c;
    }
    return ((Number) v).doubleValue();
  }

  static BigDecimal toDecimal(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Character c) {
      return BigDecimal.valueOf(c);
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw fail("OverflowException", "Value was either too large or too small for a Decimal.");
      }
      return new BigDecimal(d, new MathContext(15)).stripTrailingZeros();
    }
    return BigDecimal.valueOf(((Number) v).longValue());
  }

  /** Converts a numeric runtime value to the representation of numeric type {@code to} (C# explicit cast). */
  static Object convertNumeric(Object v, CsType to) {
    switch (to.name) {
      case "int" -> {
        if (v instanceof Double || v instanceof Float) {
          double d = ((Number) v).doubleValue();
          return Double.isNaN(d) || d >= 2147483648.0 || d <= -2147483649.0 ? Integer.MIN_VALUE : (int) d;
        }
        if (v instanceof BigDecimal d) {
          return intExact(d);
        }
        return (int) toLong(v);
      }
      case "long" -> {
        if (v instanceof Double || v instanceof Float) {
          double d = ((Number) v).doubleValue();
          return Double.isNaN(d) || d >= 9.2233720368547758E18 || d < -9.2233720368547758E18 ? Long.MIN_VALUE
              : (long) d;
        }
        if (v instanceof BigDecimal d) {
          try {
            return d.setScale(0, java.math.RoundingMode.DOWN).longValueExact();
          } catch (ArithmeticException e) {
            throw fail("OverflowException", "Value was either too large or too small for an Int64.");
          }
        }
        return toLong(v);
      }
      case "short" -> {
        return (short) (v instanceof BigDecimal d ? intExact(d) : (long) toDouble(v));
      }
      case "byte" -> {
        return (byte) (v instanceof BigDecimal d ? intExact(d) : (long) toDouble(v));
      }
      case "uint" -> {
        return toLong(v) & 0xFFFFFFFFL;
      }
      case "ulong" -> {
        return toLong(v);
      }
      case "char" -> {
        return (char) (v instanceof Double || v instanceof Float ? (long) toDouble(v) : toLong(v));
      }
      case "double" -> {
        return toDouble(v);
      }
      case "float" -> {
        return (float) toDouble(v);
      }
      case "decimal" -> {
        return toDecimal(v);
      }
      default -> throw new IllegalStateException(to.name);
    }
  }

  private static int intExact(BigDecimal d) {
    try {
      return d.setScale(0, java.math.RoundingMode.DOWN).intValueExact();
    } catch (ArithmeticException e) {
      throw fail("OverflowException", "Value was either too large or too small for an Int32.");
    }
  }

  /** Whether runtime value {@code v} (non-null) is an instance of C# type {@code t} (exact for value types). */
  static boolean isInstance(Object v, CsType t) {
    return switch (t.kind) {
      case OBJECT -> true;
      case STRING -> v instanceof String;
      case BOOL -> v instanceof Boolean;
      case NULLABLE -> isInstance(v, t.a);
      case NUMERIC -> switch (t.name) {
        case "int" -> v instanceof Integer;
        case "long", "uint", "ulong" -> v instanceof Long;
        case "double" -> v instanceof Double;
        case "float" -> v instanceof Float;
        case "decimal" -> v instanceof BigDecimal;
        case "char" -> v instanceof Character;
        case "short" -> v instanceof Short;
        case "byte" -> v instanceof Byte;
        default -> false;
      };
      case ARRAY -> t.a.kind == CsType.Kind.STRING ? v instanceof String[]
          : t.a.name.equals("byte") ? v instanceof byte[] : v instanceof Object[];
      case LIST -> v instanceof java.util.ArrayList;
      case SEQ -> v instanceof Iterable || v instanceof Object[] || v instanceof String;
      case DICT -> v instanceof CsDictionary;
      case KVP -> v instanceof Map.Entry;
      case CLASS, VALUE -> switch (t.name) {
        case "JToken" -> v instanceof JsonNode || v instanceof Json.Property;
        case "JContainer" -> (v instanceof JsonNode n && n.isContainerNode()) || v instanceof Json.Property;
        case "JObject" -> v instanceof JsonNode n && n.isObject();
        case "JArray" -> v instanceof JsonNode n && n.isArray();
        case "JValue" -> v instanceof JsonNode n && n.isValueNode();
        case "JProperty" -> v instanceof Json.Property;
        case "IResponse" -> v instanceof ResponseContext;
        case "Jwt" -> v instanceof Jwt;
        case "DateTime" -> v instanceof CsDateTime;
        case "Guid" -> v instanceof UUID;
        default -> false;
      };
      default -> false;
    };
  }
}
