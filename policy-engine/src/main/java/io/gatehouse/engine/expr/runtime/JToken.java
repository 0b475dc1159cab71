package io.gatehouse.engine.expr.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code Newtonsoft.Json.Linq.JToken}: the base of the JSON tree. Members: {@code Type}, {@code Parent},
 * {@code Root}, {@code Path}, {@code HasValues}, indexer ({@link #get(Object)}), {@code Value<T>}, {@code Values<T>},
 * {@code Children()}, {@code Descendants()}, {@code First}, {@code Last}, {@code Next}, {@code Previous},
 * {@code SelectToken}, {@code SelectTokens}, {@code Remove()}, {@code Replace}, {@code DeepClone},
 * {@code ToObject<T>}, {@code ToString()} (indented; plain text for a {@link JValue}) and
 * {@code ToString(Formatting)}; statics {@code Parse}, {@code FromObject}, {@code DeepEquals} and the explicit
 * conversion operators ({@link #explicitCast(JToken, JsonTarget, boolean)}).
 */
public abstract class JToken {
  JToken parent;

  JToken() {}

  /** {@code Type}. */
  public abstract JTokenType type();

  /** {@code Parent} ({@link JProperty} for an object's value), or null. */
  public JToken parent() {
    return parent;
  }

  /** {@code Root}. */
  public JToken root() {
    JToken t = this;
    while (t.parent != null) {
      t = t.parent;
    }
    return t;
  }

  /** {@code HasValues}. */
  public boolean hasValues() {
    return false;
  }

  /** {@code Children()}: properties of an object, items of an array, the value of a property; empty for values. */
  public List<JToken> children() {
    return List.of();
  }

  /** {@code Descendants()}: depth-first, document order. */
  public List<JToken> descendants() {
    List<JToken> out = new ArrayList<>();
    for (JToken c : children()) {
      out.add(c);
      out.addAll(c.descendants());
    }
    return out;
  }

  /** {@code First}: first child or null. */
  public JToken first() {
    List<JToken> c = children();
    return c.isEmpty() ? null : c.get(0);
  }

  /** {@code Last}: last child or null. */
  public JToken last() {
    List<JToken> c = children();
    return c.isEmpty() ? null : c.get(c.size() - 1);
  }

  /** {@code Next}: next sibling or null. */
  public JToken next() {
    return sibling(1);
  }

  /** {@code Previous}: previous sibling or null. */
  public JToken previous() {
    return sibling(-1);
  }

  private JToken sibling(int delta) {
    if (!(parent instanceof JContainer c) || parent instanceof JProperty) {
      return null;
    }
    List<JToken> items = c.children();
    int i = indexIn(items);
    int j = i + delta;
    return i < 0 || j < 0 || j >= items.size() ? null : items.get(j);
  }

  int indexIn(List<JToken> items) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == this) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The indexer {@code token[key]}: property name for a {@link JObject}, int index for a {@link JArray}; throws
   * InvalidOperationException on a {@link JValue}.
   */
  public JToken get(Object key) {
    throw CsException.invalidOperation("Cannot access child value on " + netTypeName() + ".");
  }

  /** The indexer setter {@code token[key] = value} (value converted implicitly). */
  public void set(Object key, Object value) {
    throw CsException.invalidOperation("Cannot set child value on " + netTypeName() + ".");
  }

  /** {@code Value<T>(key)}: {@code this[key]} converted with Newtonsoft's {@code Extensions.Value} rules. */
  public Object value(Object key, JsonTarget target, boolean nullable) {
    return convertValue(get(key), target, nullable);
  }

  /** {@code Value<T>()} on this token. */
  public Object value(JsonTarget target, boolean nullable) {
    return convertValue(this, target, nullable);
  }

  /** {@code Values<T>()}: children values converted ({@code JObject} → property values). */
  public List<Object> values(JsonTarget target, boolean nullable) {
    List<Object> out = new ArrayList<>();
    for (JToken c : children()) {
      JToken v = c instanceof JProperty p ? p.value() : c;
      out.add(convertValue(v, target, nullable));
    }
    return out;
  }

  /** {@code Values()} without conversion (JToken items). */
  public List<JToken> values() {
    List<JToken> out = new ArrayList<>();
    for (JToken c : children()) {
      out.add(c instanceof JProperty p ? p.value() : c);
    }
    return out;
  }

  /** {@code ToObject<T>()}: primitive targets use the explicit conversions; token targets cast. */
  public Object toObject(JsonTarget target, boolean nullable) {
    if (target == JsonTarget.OBJECT) {
      return this instanceof JValue v ? v.value() : this;
    }
    return explicitCast(this, target, nullable);
  }

  /** {@code Path}: e.g. {@code items[1].sku}, {@code ['a b']}. */
  public String path() {
    List<String> parts = new ArrayList<>();
    JToken t = this;
    while (t.parent != null) {
      JToken p = t.parent;
      if (t instanceof JProperty prop) {
        String n = prop.name();
        parts.add(0, n.matches("[A-Za-z_$][A-Za-z0-9_$]*") ? "." + n : "['" + n.replace("'", "\\'") + "']");
      } else if (p instanceof JArray a) {
        parts.add(0, "[" + t.indexIn(a.children()) + "]");
      }
      t = p;
    }
    String s = String.join("", parts);
    return s.startsWith(".") ? s.substring(1) : s;
  }

  /** {@code SelectToken(path)}: JSONPath subset; no match → null; several matches → JsonException. */
  public JToken selectToken(String path) {
    List<JToken> r = JsonPath.select(this, path);
    if (r.size() > 1) {
      throw new CsException("JsonException", "Path returned multiple tokens.");
    }
    return r.isEmpty() ? null : r.get(0);
  }

  /** {@code SelectTokens(path)}. */
  public List<JToken> selectTokens(String path) {
    return JsonPath.select(this, path);
  }

  /** {@code Remove()}: detaches from the parent; a property's value cannot be removed (InvalidOperationException). */
  public void remove() {
    if (parent == null) {
      throw CsException.invalidOperation("The parent is missing.");
    }
    ((JContainer) parent).removeChild(this);
  }

  /** {@code Replace(value)}: puts {@code value} where this token is. */
  public void replace(Object value) {
    if (parent == null) {
      throw CsException.invalidOperation("The parent is missing.");
    }
    ((JContainer) parent).replaceChild(this, fromValue(value));
  }

  /** {@code AddAfterSelf(content)}. */
  public void addAfterSelf(Object content) {
    if (parent == null) {
      throw CsException.invalidOperation("The parent is missing.");
    }
    ((JContainer) parent).insertAfter(this, content);
  }

  /** {@code DeepClone()}. */
  public abstract JToken deepClone();

  /** {@code ToString()}: indented JSON (plain text for a JValue). */
  @Override
  public String toString() {
    return toString(Formatting.Indented);
  }

  /** {@code ToString(Formatting)}: JSON text. */
  public String toString(Formatting formatting) {
    StringBuilder sb = new StringBuilder();
    JsonWriter.write(this, formatting == Formatting.Indented, 0, sb);
    return sb.toString();
  }

  /** The .NET full type name, e.g. {@code Newtonsoft.Json.Linq.JObject}. */
  public String netTypeName() {
    return "Newtonsoft.Json.Linq." + getClass().getSimpleName();
  }

  /** {@code JToken.Parse(json)}: any root. */
  public static JToken parse(String json) {
    return JsonParser.parse(json, null);
  }

  /** {@code JToken.DeepEquals(a, b)}. */
  public static boolean deepEquals(JToken a, JToken b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    return a.deepEqualsTo(b);
  }

  abstract boolean deepEqualsTo(JToken other);

  /**
   * {@code JToken.FromObject(o)}: primitives, arrays, lists, maps, anonymous objects, tokens (deep-cloned); null →
   * ArgumentNullException.
   */
  public static JToken fromObject(Object o) {
    if (o == null) {
      throw CsException.argumentNull("o");
    }
    if (o instanceof JToken t) {
      return t.deepClone();
    }
    return fromValue(o);
  }

  /**
   * Implicit conversion to JToken (indexer set, JProperty/JArray content): null → JSON null, tokens as is, arrays,
   * iterables and maps → containers, everything else → {@link JValue}.
   */
  public static JToken fromValue(Object o) {
    if (o instanceof JToken t) {
      return t;
    }
    if (o instanceof CsAnonymous a) {
      JObject obj = new JObject();
      for (int i = 0; i < a.size(); i++) {
        obj.set(a.name(i), fromValue(a.value(i)));
      }
      return obj;
    }
    if (o instanceof java.util.Map<?, ?> m) {
      JObject obj = new JObject();
      for (java.util.Map.Entry<?, ?> e : m.entrySet()) {
        obj.set(CsFormat.toDisplayString(e.getKey()), fromValue(e.getValue()));
      }
      return obj;
    }
    if (o instanceof Object[] || o instanceof Iterable<?> || o instanceof int[] || o instanceof long[]
        || o instanceof double[] || o instanceof boolean[]) {
      JArray a = new JArray();
      for (Object item : JContainer.iterate(o)) {
        a.add(item);
      }
      return a;
    }
    return new JValue(o);
  }

  // ------------------------------------------------------------------ conversions

  /** Newtonsoft {@code Extensions.Value<T>} / {@code Values<T>} conversion of one token. */
  static Object convertValue(JToken token, JsonTarget target, boolean nullable) {
    if (token == null) {
      return defaultOf(target, nullable);
    }
    switch (target) {
      case JTOKEN, OBJECT:
        return token;
      case JOBJECT, JARRAY, JVALUE, JPROPERTY:
        if (isInstance(token, target)) {
          return token;
        }
        throw CsException.invalidCastMessage("Cannot cast " + token.netTypeName() + " to Newtonsoft.Json.Linq."
            + target.netName() + ".");
      default:
        break;
    }
    if (!(token instanceof JValue v)) {
      throw CsException.invalidCastMessage("Cannot cast " + token.netTypeName() + " to System." + target.netName() + ".");
    }
    Object raw = v.value();
    if (raw == null) {
      if (nullable || !target.isValueType()) {
        return null;
      }
      throw CsException.invalidCastMessage("Null object cannot be converted to a value type.");
    }
    return changeType(raw, target);
  }

  /** {@code Convert.ChangeType(value, T, InvariantCulture)} for the JSON primitive representations. */
  static Object changeType(Object raw, JsonTarget target) {
    switch (target) {
      case STRING:
        return raw instanceof String s ? s : raw instanceof byte[] b ? CsConvert.toBase64String(b)
            : CsFormat.toDisplayString(raw);
      case BOOLEAN:
        return CsConvert.toBoolean(raw);
      case INT32:
        return CsConvert.toInt32(raw instanceof java.math.BigInteger bi ? new java.math.BigDecimal(bi) : raw);
      case INT64:
        return CsConvert.toInt64(raw instanceof java.math.BigInteger bi ? new java.math.BigDecimal(bi) : raw);
      case INT16:
        return CsConvert.toInt16(raw);
      case BYTE:
        return CsConvert.toByte(raw);
      case DOUBLE:
        return raw instanceof java.math.BigInteger bi ? bi.doubleValue() : CsConvert.toDouble(raw);
      case FLOAT:
        return (float) CsConvert.toDouble(raw);
      case DECIMAL:
        return raw instanceof java.math.BigInteger bi ? CsDecimal.normalize(new java.math.BigDecimal(bi))
            : CsConvert.toDecimal(raw);
      case CHAR:
        return CsConvert.toChar(raw);
      case DATETIME:
        if (raw instanceof CsDateTime d) {
          return d;
        }
        if (raw instanceof CsDateTimeOffset o) {
          return o.dateTime();
        }
        if (raw instanceof String s) {
          return CsDateTime.parse(s);
        }
        break;
      case DATETIMEOFFSET:
        if (raw instanceof CsDateTimeOffset o) {
          return o;
        }
        if (raw instanceof CsDateTime d) {
          return CsDateTimeOffset.of(d);
        }
        if (raw instanceof String s) {
          return CsDateTimeOffset.parse(s);
        }
        break;
      case GUID:
        if (raw instanceof java.util.UUID u) {
          return u;
        }
        if (raw instanceof String s) {
          return CsGuid.parse(s);
        }
        if (raw instanceof byte[] b) {
          return CsGuid.fromByteArray(b);
        }
        break;
      case TIMESPAN:
        if (raw instanceof CsTimeSpan t) {
          return t;
        }
        if (raw instanceof String s) {
          return CsTimeSpan.parse(s);
        }
        break;
      case BYTES:
        if (raw instanceof byte[] b) {
          return b;
        }
        if (raw instanceof String s) {
          return CsConvert.fromBase64String(s);
        }
        break;
      default:
        break;
    }
    throw CsException.invalidCast(CsTypes.netTypeName(raw), "System." + target.netName());
  }

  private static Object defaultOf(JsonTarget target, boolean nullable) {
    if (nullable || !target.isValueType()) {
      return null;
    }
    return switch (target) {
      case BOOLEAN -> Boolean.FALSE;
      case INT32 -> 0;
      case INT64 -> 0L;
      case INT16 -> (short) 0;
      case BYTE -> (byte) 0;
      case DOUBLE -> 0.0;
      case FLOAT -> 0.0f;
      case DECIMAL -> java.math.BigDecimal.ZERO;
      case CHAR -> '\0';
      case DATETIME -> CsDateTime.MIN_VALUE;
      case GUID -> CsGuid.EMPTY;
      case TIMESPAN -> CsTimeSpan.ZERO;
      case DATETIMEOFFSET -> CsDateTimeOffset.of(CsDateTime.MIN_VALUE);
      default -> null;
    };
  }

  private static boolean isInstance(JToken t, JsonTarget target) {
    return switch (target) {
      case JOBJECT -> t instanceof JObject;
      case JARRAY -> t instanceof JArray;
      case JVALUE -> t instanceof JValue;
      case JPROPERTY -> t instanceof JProperty;
      default -> true;
    };
  }

  /**
   * The explicit conversion operators {@code (string)token}, {@code (int)token}, {@code (int?)token} … and reference
   * casts {@code (JObject)token} (expressions.md 6.5). C# null → null for string/nullable targets and
   * ArgumentNullException for value types; JSON null → null for string/nullable, ArgumentException otherwise;
   * a container → ArgumentException ("Can not convert Object to String.").
   */
  public static Object explicitCast(JToken token, JsonTarget target, boolean nullable) {
    switch (target) {
      case JTOKEN, OBJECT:
        return token;
      case JOBJECT, JARRAY, JVALUE, JPROPERTY:
        if (token == null || isInstance(token, target)) {
          return token;
        }
        throw CsException.invalidCast(token.netTypeName(), "Newtonsoft.Json.Linq." + target.netName());
      default:
        break;
    }
    boolean allowsNull = nullable || !target.isValueType();
    if (token == null) {
      if (allowsNull) {
        return null;
      }
      throw CsException.argumentNull("value");
    }
    JToken t = token instanceof JProperty p ? p.value() : token;
    if (!(token instanceof JValue v) || !accepts(v.type(), target, allowsNull)) {
      throw CsException.argument("Can not convert " + t.type() + " to " + target.netName() + ".", null);
    }
    Object raw = v.value();
    if (raw == null) {
      return null;
    }
    if (target == JsonTarget.STRING) {
      if (raw instanceof byte[] b) {
        return CsConvert.toBase64String(b);
      }
      return CsFormat.toDisplayString(raw);
    }
    return changeType(raw, target);
  }

  private static boolean accepts(JTokenType type, JsonTarget target, boolean allowsNull) {
    if (type == JTokenType.Null || type == JTokenType.Undefined) {
      return allowsNull;
    }
    return switch (target) {
      case STRING -> type == JTokenType.Date || type == JTokenType.Integer || type == JTokenType.Float
          || type == JTokenType.String || type == JTokenType.Comment || type == JTokenType.Boolean
          || type == JTokenType.Bytes || type == JTokenType.Guid || type == JTokenType.TimeSpan
          || type == JTokenType.Uri;
      case BOOLEAN, INT32, INT64, INT16, BYTE, DOUBLE, FLOAT, DECIMAL, CHAR -> type == JTokenType.Integer
          || type == JTokenType.Float || type == JTokenType.String || type == JTokenType.Comment
          || type == JTokenType.Boolean;
      case DATETIME, DATETIMEOFFSET -> type == JTokenType.Date || type == JTokenType.String
          || type == JTokenType.Comment;
      case GUID -> type == JTokenType.String || type == JTokenType.Comment || type == JTokenType.Guid
          || type == JTokenType.Bytes;
      case TIMESPAN -> type == JTokenType.String || type == JTokenType.Comment || type == JTokenType.TimeSpan;
      case BYTES -> type == JTokenType.String || type == JTokenType.Bytes || type == JTokenType.Integer;
      default -> false;
    };
  }
}
