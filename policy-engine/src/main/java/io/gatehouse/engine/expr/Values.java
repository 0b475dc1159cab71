package io.gatehouse.engine.expr;

import io.gatehouse.engine.context.ResponseContext;
import io.gatehouse.engine.expr.runtime.CsDateTime;
import io.gatehouse.engine.expr.runtime.CsDateTimeOffset;
import io.gatehouse.engine.expr.runtime.CsDecimal;
import io.gatehouse.engine.expr.runtime.CsException;
import io.gatehouse.engine.expr.runtime.CsFormat;
import io.gatehouse.engine.expr.runtime.CsNumeric;
import io.gatehouse.engine.expr.runtime.CsTimeSpan;
import io.gatehouse.engine.expr.runtime.CsTypes;
import io.gatehouse.engine.expr.runtime.JArray;
import io.gatehouse.engine.expr.runtime.JContainer;
import io.gatehouse.engine.expr.runtime.JObject;
import io.gatehouse.engine.expr.runtime.JProperty;
import io.gatehouse.engine.expr.runtime.JToken;
import io.gatehouse.engine.expr.runtime.JValue;
import io.gatehouse.engine.expr.runtime.Jwt;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * C# runtime semantics of values that depend on the compiler's own representations (dictionaries, key/value pairs,
 * static types): ToString text, numeric conversion, runtime type tests. Everything else delegates to the runtime.
 */
final class Values {
  private Values() {}

  static CsException invalidCast(Object v, CsType to) {
    return CsException.invalidCast(netTypeName(v), netName(to));
  }

  static Object requireNonNull(Object v) {
    if (v == null) {
      throw CsException.nullReference();
    }
    return v;
  }

  /** The .NET full type name of a runtime value, for messages. */
  static String netTypeName(Object v) {
    if (v instanceof ResponseContext) {
      return "Microsoft.WindowsAzure.ApiManagement.Proxy.Gateway.Policies.Expressions.IResponse";
    }
    return v == null ? "null" : CsTypes.netTypeName(v);
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
      case "DateTime", "Guid", "TimeSpan", "DateTimeOffset" -> "System." + t.name;
      case "JObject", "JArray", "JToken", "JValue", "JProperty", "JContainer" -> "Newtonsoft.Json.Linq." + t.name;
      default -> t.name;
    };
  }

  /** C# {@code ToString()} of a runtime value with the invariant culture; null gives "". */
  static String toText(Object v) {
    if (v instanceof String s) {
      return s; // the usual value; a class check, where the interface checks below each scan String's interfaces
    }
    if (v instanceof Map.Entry<?, ?> e) {
      return "[" + toText(e.getKey()) + ", " + toText(e.getValue()) + "]";
    }
    if (v instanceof CsDictionary) {
      return "System.Collections.Generic.IReadOnlyDictionary`2";
    }
    return CsFormat.toDisplayString(v);
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
      return CsDecimal.fromDouble(d);
    }
    return BigDecimal.valueOf(((Number) v).longValue());
  }

  /** Converts a numeric runtime value to the representation of numeric type {@code to} (C# explicit cast). */
  static Object convertNumeric(Object v, CsType to) {
    switch (to.name) {
      case "int" -> {
        if (v instanceof Double || v instanceof Float) {
          return CsNumeric.doubleToInt(((Number) v).doubleValue());
        }
        return v instanceof BigDecimal d ? CsDecimal.toInt(d) : (int) toLong(v);
      }
      case "long" -> {
        if (v instanceof Double || v instanceof Float) {
          return CsNumeric.doubleToLong(((Number) v).doubleValue());
        }
        return v instanceof BigDecimal d ? CsDecimal.toLong(d) : toLong(v);
      }
      case "short" -> {
        return (short) (v instanceof BigDecimal d ? CsDecimal.toInt(d) : (long) toDouble(v));
      }
      case "byte" -> {
        return (byte) (v instanceof BigDecimal d ? CsDecimal.toInt(d) : (long) toDouble(v));
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
      case SET -> v instanceof java.util.Set;
      case SEQ -> v instanceof Iterable || v instanceof Object[] || v instanceof String;
      case DICT -> v instanceof CsDictionary;
      case KVP -> v instanceof Map.Entry;
      case ANONYMOUS -> v instanceof io.gatehouse.engine.expr.runtime.CsAnonymous;
      case GROUPING -> v instanceof Linq.Grouping;
      case CLASS, VALUE -> switch (t.name) {
        case "JToken" -> v instanceof JToken;
        case "JContainer" -> v instanceof JContainer;
        case "JObject" -> v instanceof JObject;
        case "JArray" -> v instanceof JArray;
        case "JValue" -> v instanceof JValue;
        case "JProperty" -> v instanceof JProperty;
        case "IResponse" -> v instanceof ResponseContext;
        case "Jwt" -> v instanceof Jwt;
        case "DateTime" -> v instanceof CsDateTime;
        case "Guid" -> v instanceof UUID;
        case "TimeSpan" -> v instanceof CsTimeSpan;
        case "DateTimeOffset" -> v instanceof CsDateTimeOffset;
        case "Encoding" -> v instanceof io.gatehouse.engine.expr.runtime.CsEncoding;
        case "Regex" -> v instanceof io.gatehouse.engine.expr.runtime.CsRegex;
        case "Match" -> v instanceof io.gatehouse.engine.expr.runtime.CsMatch;
        case "Group" -> v instanceof io.gatehouse.engine.expr.runtime.CsGroup;
        case "StringBuilder" -> v instanceof io.gatehouse.engine.expr.runtime.CsStringBuilder;
        case "BasicAuthCredentials" -> v instanceof io.gatehouse.engine.expr.runtime.BasicAuthCredentials;
        case "Random" -> v instanceof io.gatehouse.engine.expr.runtime.CsRandom;
        case "XElement" -> v instanceof io.gatehouse.engine.expr.xml.XElement;
        case "XDocument" -> v instanceof io.gatehouse.engine.expr.xml.XDocument;
        case "XAttribute" -> v instanceof io.gatehouse.engine.expr.xml.XAttribute;
        case "DateTimeKind" -> v instanceof io.gatehouse.engine.expr.runtime.CsDateTimeKind;
        case "X509Certificate2" -> v instanceof java.security.cert.X509Certificate;
        case "X500DistinguishedName" -> v instanceof javax.security.auth.x500.X500Principal;
        default -> false;
      };
      default -> false;
    };
  }
}
