package io.gatehouse.engine.expr.runtime;

import java.util.Map;

/**
 * {@code Newtonsoft.Json.JsonConvert}: {@code SerializeObject(value[, Formatting])} for tokens, primitives, arrays,
 * lists and maps; {@code DeserializeObject(json)} (→ JObject/JArray/primitive) and {@code DeserializeObject<T>}.
 */
public final class JsonConvert {
  private JsonConvert() {}

  /** {@code JsonConvert.SerializeObject(value)}: compact JSON. */
  public static String serializeObject(Object value) {
    return serializeObject(value, Formatting.None);
  }

  /** {@code JsonConvert.SerializeObject(value, formatting)}. */
  public static String serializeObject(Object value, Formatting formatting) {
    if (value == null) {
      return "null";
    }
    JToken t = value instanceof JToken tok ? tok : JToken.fromValue(value instanceof Map<?, ?> m ? m : value);
    return t.toString(formatting);
  }

  /** {@code JsonConvert.DeserializeObject(json)}: objects/arrays as tokens, primitives unwrapped. */
  public static Object deserializeObject(String json) {
    if (json == null) {
      throw CsException.argumentNull("value");
    }
    if (json.isBlank()) {
      return null;
    }
    JToken t = JsonParser.parse(json, null);
    return t instanceof JValue v ? v.value() : t;
  }

  /** {@code JsonConvert.DeserializeObject<T>(json)}. */
  public static Object deserializeObject(String json, JsonTarget target, boolean nullable) {
    if (json == null) {
      throw CsException.argumentNull("value");
    }
    if (json.isBlank()) {
      return null;
    }
    JToken t = JsonParser.parse(json, null);
    if (target == JsonTarget.OBJECT) {
      return t instanceof JValue v ? v.value() : t;
    }
    if ((target == JsonTarget.JOBJECT || target == JsonTarget.JARRAY) && !(t instanceof JContainer)) {
      throw new CsException("JsonReaderException", "Error reading " + target.netName()
          + " from JsonReader. Current JsonReader item is not an " + (target == JsonTarget.JOBJECT ? "object" : "array")
          + ": " + t.type() + ". Path '', line 1, position " + json.strip().length() + ".");
    }
    if (t instanceof JValue v && v.value() == null && target.isValueType() && !nullable) {
      throw new CsException("JsonSerializationException", "Error converting value {null} to type 'System."
          + target.netName() + "'. Path '', line 1, position 4.");
    }
    try {
      return t.toObject(target, nullable);
    } catch (CsException e) {
      if (e.isA("JsonException")) {
        throw e;
      }
      throw new CsException("JsonSerializationException", "Error converting value " + t.toString(Formatting.None)
          + " to type 'System." + target.netName() + "'. Path '', line 1, position " + json.strip().length() + ".", e);
    }
  }
}
