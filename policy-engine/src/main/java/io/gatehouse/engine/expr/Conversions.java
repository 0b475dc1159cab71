package io.gatehouse.engine.expr;

import io.gatehouse.engine.expr.runtime.CsException;
import io.gatehouse.engine.expr.runtime.JToken;
import io.gatehouse.engine.expr.runtime.JsonTarget;
import java.math.BigDecimal;

/** C# implicit and explicit conversions between static types, compiled to closures (spec 5, 6.1, 6.5). */
final class Conversions {
  private Conversions() {}

  static Object defaultValue(CsType t) {
    return switch (t.kind) {
      case BOOL -> false;
      case NUMERIC -> switch (t.name) {
        case "int" -> 0;
        case "long", "uint", "ulong" -> 0L;
        case "double" -> 0.0;
        case "float" -> 0f;
        case "decimal" -> BigDecimal.ZERO;
        case "char" -> '\0';
        case "short" -> (short) 0;
        case "byte" -> (byte) 0;
        default -> 0;
      };
      default -> null;
    };
  }

  private static boolean numericWidening(CsType from, CsType to) {
    if (!from.isNumeric() || !to.isNumeric()) {
      return false;
    }
    if (from == to) {
      return true;
    }
    return switch (from.name) {
      case "byte", "short" -> !to.name.equals("char") && !to.name.equals("byte") && to.rank > from.rank
          && !(from.name.equals("short") && (to.name.equals("uint") || to.name.equals("ulong")));
      case "char" -> to.rank > 3;
      case "int" -> to.name.equals("long") || to.rank >= 8;
      case "uint" -> to.name.equals("long") || to.name.equals("ulong") || to.rank >= 8;
      case "long", "ulong" -> to.rank >= 8;
      case "float" -> to.name.equals("double");
      default -> false;
    };
  }

  /** Whether a reference/identity conversion from {@code from} to {@code to} exists. */
  static boolean isSubtype(CsType from, CsType to) {
    if (from.equals(to) || to.kind == CsType.Kind.OBJECT) {
      return true;
    }
    if (to.kind == CsType.Kind.SEQ) {
      CsType e = from.elementType();
      return e != null && (e.equals(to.a) || (!e.isValueType() && isSubtype(e, to.a)));
    }
    if (from.kind == CsType.Kind.CLASS && to.kind == CsType.Kind.CLASS) {
      return switch (to.name) {
        case "JToken" -> from.name.startsWith("J") && !from.name.equals("Jwt") && !from.name.equals("JTokenType");
        case "JContainer" -> from.name.equals("JObject") || from.name.equals("JArray") || from.name.equals("JProperty");
        case "IResponse" -> from.name.equals("IResponse") || from.name.equals("Response");
        case "Exception" -> from.name.endsWith("Exception");
        default -> false;
      };
    }
    return false;
  }

  static boolean implicitOk(Bound b, CsType to) {
    CsType from = b.type;
    if (from.equals(to)) {
      return true;
    }
    if (from == CsType.NULL) {
      return to.acceptsNull();
    }
    if (numericWidening(from, to)) {
      return true;
    }
    if (b.constant && from == CsType.INT && to.isNumeric() && to != CsType.CHAR) {
      return true;
    }
    if (to.isNullable()) {
      return implicitOk(Bound.of(b.pos, from.underlying(), null), to.a)
          && (!from.isNullable() || from.a.equals(to.a) || numericWidening(from.a, to.a));
    }
    if (to.kind == CsType.Kind.CLASS && to.name.equals("JToken")
        && (from.kind == CsType.Kind.STRING || from.kind == CsType.Kind.BOOL || from.isNumeric()
            || from.name.equals("DateTime") || from.name.equals("Guid") || from.name.equals("TimeSpan")
            || from.name.equals("DateTimeOffset"))) {
      return true;
    }
    return isSubtype(from, to);
  }

  /** Compiles the implicit conversion of {@code b} to {@code to}, or fails with CS0029. */
  static Eval implicit(Bound b, CsType to, int pos) {
    if (!b.isValue()) {
      throw new CompileError(pos, "a value is expected here");
    }
    if (!implicitOk(b, to)) {
      throw new CompileError(pos, "cannot implicitly convert type %s to %s", b.type.name, to.name);
    }
    CsType from = b.type;
    Eval e = b.eval;
    if (from.equals(to) || from == CsType.NULL) {
      return e;
    }
    CsType target = to.underlying();
    CsType source = from.underlying();
    if (target.isNumeric() && source.isNumeric() && !target.equals(source)) {
      if (b.constant && b.value != null) {
        Object v = Values.convertNumeric(b.value, target);
        return f -> v;
      }
      return f -> {
        Object v = e.eval(f);
        return v == null ? null : Values.convertNumeric(v, target);
      };
    }
    if (target.name.equals("JToken") && !isSubtype(source, target)) {
      return f -> {
        Object v = e.eval(f);
        return v == null ? null : JToken.fromValue(v);
      };
    }
    return e;
  }

  /** The type of {@code c ? a : b}, or null. */
  static CsType common(Bound a, Bound b) {
    if (a.type.equals(b.type)) {
      return a.type;
    }
    boolean ab = implicitOk(a, b.type);
    boolean ba = implicitOk(b, a.type);
    if (ab && !ba) {
      return b.type;
    }
    if (ba && !ab) {
      return a.type;
    }
    if (ab) {
      return a.constant ? b.type : a.type;
    }
    if (a.type == CsType.NULL && b.type.isValueType()) {
      return CsType.nullable(b.type);
    }
    if (b.type == CsType.NULL && a.type.isValueType()) {
      return CsType.nullable(a.type);
    }
    return null;
  }

  /** Compiles {@code (T)x}. */
  static Eval explicit(Bound b, CsType to, int pos) {
    if (!b.isValue()) {
      throw new CompileError(pos, "a value is expected here");
    }
    CsType from = b.type;
    Eval e = b.eval;
    if (implicitOk(b, to)) {
      return implicit(b, to, pos);
    }
    CsType target = to.underlying();
    boolean nullableTarget = to.acceptsNull();
    if (from.underlying().isNumeric() && target.isNumeric()) {
      return f -> {
        Object v = e.eval(f);
        if (v == null) {
          if (nullableTarget) {
            return null;
          }
          throw new CsException("InvalidOperationException", "Nullable object must have a value.");
        }
        return Values.convertNumeric(v, target);
      };
    }
    if (XmlMembers.isXmlValue(from)) {
      Eval conv = XmlMembers.explicit(e, target, nullableTarget);
      if (conv != null) {
        return conv;
      }
    }
    JsonTarget jt = isJToken(from) || from.name.equals("JProperty") ? jsonTarget(target) : null;
    if (jt != null) {
      return f -> JToken.explicitCast((JToken) e.eval(f), jt, nullableTarget);
    }
    if (from.kind == CsType.Kind.OBJECT || isSubtype(to, from)
        || (from.kind == CsType.Kind.SEQ && (to.kind == CsType.Kind.ARRAY || to.kind == CsType.Kind.LIST))) {
      return f -> {
        Object v = e.eval(f);
        if (v == null) {
          if (nullableTarget) {
            return null;
          }
          throw CsException.nullReference();
        }
        if (!Values.isInstance(v, to)) {
          throw Values.invalidCast(v, to);
        }
        return v;
      };
    }
    throw new CompileError(pos, "cannot convert type %s to %s", from.name, to.name);
  }

  /** The Newtonsoft explicit-conversion target for {@code (T)token}, or null when T is not one of them. */
  static JsonTarget jsonTarget(CsType t) {
    return switch (t.name) {
      case "string" -> JsonTarget.STRING;
      case "bool" -> JsonTarget.BOOLEAN;
      case "int" -> JsonTarget.INT32;
      case "long" -> JsonTarget.INT64;
      case "short" -> JsonTarget.INT16;
      case "byte" -> JsonTarget.BYTE;
      case "double" -> JsonTarget.DOUBLE;
      case "float" -> JsonTarget.FLOAT;
      case "decimal" -> JsonTarget.DECIMAL;
      case "char" -> JsonTarget.CHAR;
      case "DateTime" -> JsonTarget.DATETIME;
      case "DateTimeOffset" -> JsonTarget.DATETIMEOFFSET;
      case "Guid" -> JsonTarget.GUID;
      case "TimeSpan" -> JsonTarget.TIMESPAN;
      case "byte[]" -> JsonTarget.BYTES;
      default -> null;
    };
  }

  static boolean isJToken(CsType t) {
    return t.kind == CsType.Kind.CLASS && (t.name.equals("JToken") || t.name.equals("JValue")
        || t.name.equals("JObject") || t.name.equals("JArray") || t.name.equals("JContainer"));
  }
}
