package io.gatehouse.engine.expr.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code Newtonsoft.Json.Linq.JValue}: a primitive JSON value. {@code Value} holds {@link String}, {@link Long}
 * ({@code int} is widened like Newtonsoft), {@link BigInteger}, {@link Double}, {@link Float}, {@link BigDecimal},
 * {@link Boolean}, {@link Character}, {@link CsDateTime}, {@link CsDateTimeOffset}, {@link UUID}, {@link CsTimeSpan},
 * {@code byte[]} or null (JSON null). {@code ToString()} is the plain culture text ({@code B2}, {@code True},
 * {@code 1} for 1.0, empty for null); {@code ToString(Formatting)} is JSON.
 */
public final class JValue extends JToken {
  private final Object value;
  private final JTokenType type;

  /** {@code new JValue(x)}; also the implicit conversions from primitives. */
  public JValue(Object value) {
    this(normalize(value), null);
  }

  private JValue(Object value, JTokenType forced) {
    this.value = value;
    this.type = forced != null ? forced : typeOf(value);
  }

  /** {@code JValue.CreateNull()}. */
  public static JValue createNull() {
    return new JValue(null);
  }

  /** {@code JValue.CreateUndefined()}. */
  public static JValue createUndefined() {
    return new JValue(null, JTokenType.Undefined);
  }

  /** {@code JValue.CreateString(s)}. */
  public static JValue createString(String s) {
    return new JValue(s);
  }

  private static Object normalize(Object v) {
    if (v instanceof Integer || v instanceof Short) {
      return ((Number) v).longValue();
    }
    if (v instanceof Byte b) {
      return (long) Byte.toUnsignedInt(b);
    }
    if (v instanceof BigInteger bi && bi.bitLength() <= 63) {
      return bi.longValue();
    }
    if (v instanceof JValue j) {
      return j.value;
    }
    return v;
  }

  private static JTokenType typeOf(Object v) {
    if (v == null) {
      return JTokenType.Null;
    } else if (v instanceof String || v instanceof Character) {
      return JTokenType.String;
    } else if (v instanceof Long || v instanceof BigInteger) {
      return JTokenType.Integer;
    } else if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
      return JTokenType.Float;
    } else if (v instanceof Boolean) {
      return JTokenType.Boolean;
    } else if (v instanceof CsDateTime || v instanceof CsDateTimeOffset) {
      return JTokenType.Date;
    } else if (v instanceof UUID) {
      return JTokenType.Guid;
    } else if (v instanceof byte[]) {
      return JTokenType.Bytes;
    } else if (v instanceof CsTimeSpan) {
      return JTokenType.TimeSpan;
    } else if (v instanceof java.net.URI) {
      return JTokenType.Uri;
    }
    throw CsException.argument("Could not determine JSON object type for type " + CsTypes.netTypeName(v) + ".", null);
  }

  @Override
  public JTokenType type() {
    return type;
  }

  /** {@code Value}: the underlying primitive (null for JSON null). */
  public Object value() {
    return value;
  }

  @Override
  public JToken deepClone() {
    return new JValue(value, type);
  }

  /** {@code ToString()}: plain value text in the invariant culture. */
  @Override
  public String toString() {
    return value instanceof byte[] b ? CsConvert.toBase64String(b) : CsFormat.toDisplayString(value);
  }

  /** {@code ToString(format, formatProvider)} for formattable values. */
  public String toString(String format) {
    return CsFormat.toFormattedString(value, format);
  }

  @Override
  boolean deepEqualsTo(JToken other) {
    if (!(other instanceof JValue o)) {
      return false;
    }
    if (value instanceof Number a && o.value instanceof Number b && !(a instanceof BigDecimal)
        && !(b instanceof BigDecimal)) {
      if ((a instanceof Long || a instanceof BigInteger) && (b instanceof Long || b instanceof BigInteger)) {
        return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
      }
      return a.doubleValue() == b.doubleValue();
    }
    if (value instanceof Number && o.value instanceof Number) {
      return new BigDecimal(value.toString()).compareTo(new BigDecimal(o.value.toString())) == 0;
    }
    if (value instanceof byte[] a && o.value instanceof byte[] b) {
      return java.util.Arrays.equals(a, b);
    }
    return type == o.type && Objects.equals(value, o.value)
        || value instanceof Character c && c.toString().equals(o.value)
        || o.value instanceof Character c2 && c2.toString().equals(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JValue v && deepEqualsTo(v);
  }

  @Override
  public int hashCode() {
    return value == null ? 0 : value instanceof Number n ? Double.hashCode(n.doubleValue()) : value.hashCode();
  }
}
