package io.gatehouse.engine.expr.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * .NET type names of runtime values ({@code GetType().FullName} / {@code GetType().Name}) used in exception messages
 * and by {@code GetType()}.
 */
public final class CsTypes {
  private CsTypes() {}

  /** The .NET full type name of a runtime value, e.g. {@code System.Int32}; {@code null} for null. */
  public static String netTypeName(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof String) {
      return "System.String";
    } else if (v instanceof Integer) {
      return "System.Int32";
    } else if (v instanceof Long) {
      return "System.Int64";
    } else if (v instanceof Boolean) {
      return "System.Boolean";
    } else if (v instanceof Double) {
      return "System.Double";
    } else if (v instanceof Float) {
      return "System.Single";
    } else if (v instanceof BigDecimal) {
      return "System.Decimal";
    } else if (v instanceof Character) {
      return "System.Char";
    } else if (v instanceof Short) {
      return "System.Int16";
    } else if (v instanceof Byte) {
      return "System.Byte";
    } else if (v instanceof BigInteger) {
      return "System.Numerics.BigInteger";
    } else if (v instanceof UUID) {
      return "System.Guid";
    } else if (v instanceof CsDateTime) {
      return "System.DateTime";
    } else if (v instanceof CsTimeSpan) {
      return "System.TimeSpan";
    } else if (v instanceof CsDateTimeOffset) {
      return "System.DateTimeOffset";
    } else if (v instanceof JToken t) {
      return t.netTypeName();
    } else if (v instanceof byte[]) {
      return "System.Byte[]";
    } else if (v instanceof String[]) {
      return "System.String[]";
    } else if (v instanceof Object[]) {
      return "System.Object[]";
    } else if (v instanceof int[]) {
      return "System.Int32[]";
    } else if (v instanceof char[]) {
      return "System.Char[]";
    } else if (v instanceof CsException e) {
      return e.fullTypeName();
    } else if (v instanceof List) {
      return "System.Collections.Generic.List`1[System.Object]";
    } else if (v instanceof Map) {
      return "System.Collections.Generic.Dictionary`2[System.String,System.Object]";
    }
    return "System.Object";
  }

  /** The simple .NET type name ({@code GetType().Name}), e.g. {@code Int32}. */
  public static String netSimpleName(Object v) {
    String full = netTypeName(v);
    if (full == null) {
      return null;
    }
    int tick = full.indexOf('`');
    String base = tick < 0 ? full : full.substring(0, tick + 2);
    return base.substring(base.lastIndexOf('.') + 1);
  }
}
