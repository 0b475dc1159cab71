package io.gatehouse.engine.expr;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Newtonsoft {@code JToken} semantics over Jackson trees: JObject = ObjectNode, JArray = ArrayNode, JValue = value
 * node, JProperty = {@link Property}. Private helper of the compiler until the runtime library provides JToken.
 */
final class Json {
  private Json() {}

  static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.ALLOW_COMMENTS)
      .enable(DeserializationFeature.USE_LONG_FOR_INTS)
      .setNodeFactory(NODES);

  /** {@code JProperty}: a name and a value. */
  record Property(String name, JsonNode value) {}

  static JsonNode parse(String text) {
    if (text == null) {
      throw Values.fail("ArgumentNullException", "Value cannot be null. (Parameter 'json')");
    }
    try {
      JsonNode n = MAPPER.readTree(text);
      if (n == null || n.isMissingNode()) {
        throw Values.fail("JsonReaderException", "Error reading JToken from JsonReader. Path '', line 0, position 0.");
      }
      return n;
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      throw Values.fail("JsonReaderException", "Unexpected character encountered while parsing value. Path '', line "
          + line + ", position " + col + ".");
    }
  }

  static ObjectNode parseObject(String text) {
    JsonNode n = parse(text);
    if (!n.isObject()) {
      throw Values.fail("JsonReaderException", "Error reading JObject from JsonReader. Current JsonReader item is not"
          + " an object: " + readerItem(n) + ". Path '', line 1, position 1.");
    }
    return (ObjectNode) n;
  }

  static ArrayNode parseArray(String text) {
    JsonNode n = parse(text);
    if (!n.isArray()) {
      throw Values.fail("JsonReaderException", "Error reading JArray from JsonReader. Current JsonReader item is not"
          + " an array: " + readerItem(n) + ". Path '', line 1, position 1.");
    }
    return (ArrayNode) n;
  }

  private static String readerItem(JsonNode n) {
    return n.isObject() ? "StartObject" : n.isArray() ? "StartArray" : typeName(n);
  }

  static String typeName(JsonNode n) {
    return n.isObject() ? "JObject" : n.isArray() ? "JArray" : "JValue";
  }

  static String tokenType(JsonNode n) {
    if (n.isObject()) {
      return "Object";
    }
    if (n.isArray()) {
      return "Array";
    }
    if (n.isNull()) {
      return "Null";
    }
    if (n.isBoolean()) {
      return "Boolean";
    }
    if (n.isIntegralNumber()) {
      return "Integer";
    }
    if (n.isNumber()) {
      return "Float";
    }
    return "String";
  }

  /** Converts a C# value to a token: tokens stay, primitives become JValues, string[] becomes a JArray. */
  static JsonNode fromValue(Object v) {
    if (v == null) {
      return NODES.nullNode();
    }
    if (v instanceof JsonNode n) {
      return n;
    }
    if (v instanceof String s) {
      return NODES.textNode(s);
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (v instanceof Integer i) {
      return NODES.numberNode(i.longValue());
    }
    if (v instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (v instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (v instanceof BigDecimal d) {
      return NODES.numberNode(d);
    }
    if (v instanceof Character c) {
      return NODES.textNode(c.toString());
    }
    if (v instanceof Object[] arr) {
      ArrayNode a = NODES.arrayNode();
      for (Object o : arr) {
        a.add(fromValue(o));
      }
      return a;
    }
    return NODES.textNode(Values.toText(v));
  }

  /** {@code token[key]} read. */
  static Object index(Object token, Object key) {
    if (token instanceof ObjectNode o) {
      if (!(key instanceof String s)) {
        throw Values.fail("ArgumentException", "Accessed JObject values with invalid key value: " + key
            + ". Object property name expected.");
      }
      return o.get(s);
    }
    if (token instanceof ArrayNode a) {
      if (!(key instanceof Integer i)) {
        throw Values.fail("ArgumentException", "Accessed JArray values with invalid key value: \"" + key
            + "\". Int32 array index expected.");
      }
      if (i < 0 || i >= a.size()) {
        throw Values.fail("ArgumentOutOfRangeException",
            "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')");
      }
      return a.get(i);
    }
    if (token instanceof Property p) {
      return index(p.value(), key);
    }
    throw Values.fail("InvalidOperationException", "Cannot access child value on Newtonsoft.Json.Linq.JValue.");
  }

  static void setIndex(Object token, Object key, Object value) {
    JsonNode v = fromValue(value);
    if (token instanceof ObjectNode o && key instanceof String s) {
      o.set(s, v);
    } else if (token instanceof ArrayNode a && key instanceof Integer i) {
      if (i < 0 || i >= a.size()) {
        throw Values.fail("ArgumentOutOfRangeException",
            "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')");
      }
      a.set(i, v);
    } else {
      throw Values.fail("InvalidOperationException", "Cannot set child value on " + Values.netTypeName(token) + ".");
    }
  }

  /** {@code JToken.ToString()}: indented JSON for containers, the plain value for JValues. */
  static String toText(JsonNode n) {
    if (n.isContainerNode()) {
      return write(n, true);
    }
    if (n.isNull()) {
      return "";
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue() ? "True" : "False";
    }
    if (n.isIntegralNumber()) {
      return n.bigIntegerValue().toString();
    }
    if (n.isBigDecimal()) {
      return n.decimalValue().toPlainString();
    }
    return Values.formatDouble(n.doubleValue());
  }

  /** Newtonsoft JSON text: compact, or indented with two spaces and CRLF. */
  static String write(Object token, boolean indented) {
    StringBuilder sb = new StringBuilder();
    write(sb, token, indented, 0);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object token, boolean indented, int level) {
    if (token instanceof Property p) {
      quote(sb, p.name());
      sb.append(indented ? ": " : ":");
      write(sb, p.value(), indented, level);
      return;
    }
    JsonNode n = (JsonNode) token;
    if (n.isObject() || n.isArray()) {
      boolean obj = n.isObject();
      sb.append(obj ? '{' : '[');
      if (n.size() == 0) {
        sb.append(obj ? '}' : ']');
        return;
      }
      boolean first = true;
      Iterator<Map.Entry<String, JsonNode>> fields = obj ? n.fields() : null;
      Iterator<JsonNode> items = obj ? null : n.elements();
      while (obj ? fields.hasNext() : items.hasNext()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        if (indented) {
          sb.append("\r\n").append("  ".repeat(level + 1));
        }
        if (obj) {
          Map.Entry<String, JsonNode> e = fields.next();
          quote(sb, e.getKey());
          sb.append(indented ? ": " : ":");
          write(sb, e.getValue(), indented, level + 1);
        } else {
          write(sb, items.next(), indented, level + 1);
        }
      }
      if (indented) {
        sb.append("\r\n").append("  ".repeat(level));
      }
      sb.append(obj ? '}' : ']');
    } else if (n.isTextual()) {
      quote(sb, n.textValue());
    } else if (n.isNull()) {
      sb.append("null");
    } else if (n.isBoolean()) {
      sb.append(n.booleanValue() ? "true" : "false");
    } else if (n.isIntegralNumber()) {
      sb.append(n.bigIntegerValue());
    } else if (n.isBigDecimal()) {
      sb.append(n.decimalValue().toPlainString());
    } else {
      String s = Values.formatDouble(n.doubleValue());
      if (s.indexOf('.') < 0 && s.indexOf('E') < 0 && !s.equals("NaN") && !s.endsWith("Infinity")) {
        s += ".0";
      }
      sb.append(s);
    }
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** {@code SelectToken(path)}: a.b, a[0], ['a b'], $.a; null when nothing matches. */
  static Object selectToken(JsonNode root, String path) {
    JsonNode cur = root;
    int i = 0;
    if (path.startsWith("$")) {
      i = 1;
    }
    while (i < path.length() && cur != null) {
      char c = path.charAt(i);
      if (c == '.') {
        i++;
        continue;
      }
      if (c == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          throw Values.fail("JsonException", "Path ended with an open indexer.");
        }
        String inner = path.substring(i + 1, close).trim();
        i = close + 1;
        if (inner.startsWith("'") && inner.endsWith("'") && inner.length() >= 2) {
          cur = cur.isObject() ? cur.get(inner.substring(1, inner.length() - 1)) : null;
        } else {
          try {
            int k = Integer.parseInt(inner);
            cur = cur.isArray() && k >= 0 && k < cur.size() ? cur.get(k) : null;
          } catch (NumberFormatException e) {
            throw Values.fail("JsonException", "Unexpected character while parsing path indexer: " + inner);
          }
        }
        continue;
      }
      int s = i;
      while (i < path.length() && path.charAt(i) != '.' && path.charAt(i) != '[') {
        i++;
      }
      String name = path.substring(s, i);
      cur = cur.isObject() ? cur.get(name) : null;
    }
    return cur;
  }
}
