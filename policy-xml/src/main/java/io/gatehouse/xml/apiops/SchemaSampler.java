package io.gatehouse.xml.apiops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Generates a sample value from an OpenAPI / Swagger schema, as APIM does for {@code mock-response} when a response
 * has no example: the schema's own {@code example}, {@code default}, {@code const} or first {@code enum} value
 * when present; otherwise objects with every (non write-only) property, arrays with one item, format-aware
 * strings, numbers at their minimum (else 0) and {@code true}. {@code allOf} parts are merged, the first
 * {@code oneOf}/{@code anyOf} alternative is used. A schema that refers to itself, directly or not, stops at the
 * second visit (the property is left out, an array stays empty), and nesting deeper than {@value #MAX_DEPTH}
 * levels is cut the same way.
 */
final class SchemaSampler {
  static final int MAX_DEPTH = 10;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Map<String, String> FORMATS = Map.ofEntries(
      Map.entry("date-time", "2024-01-01T00:00:00Z"),
      Map.entry("date", "2024-01-01"),
      Map.entry("time", "00:00:00Z"),
      Map.entry("duration", "P1D"),
      Map.entry("uuid", "3fa85f64-5717-4562-b3fc-2c963f66afa6"),
      Map.entry("guid", "3fa85f64-5717-4562-b3fc-2c963f66afa6"),
      Map.entry("email", "user@example.com"),
      Map.entry("idn-email", "user@example.com"),
      Map.entry("uri", "https://example.com/"),
      Map.entry("url", "https://example.com/"),
      Map.entry("iri", "https://example.com/"),
      Map.entry("uri-reference", "/path"),
      Map.entry("hostname", "example.com"),
      Map.entry("idn-hostname", "example.com"),
      Map.entry("ipv4", "192.0.2.1"),
      Map.entry("ipv6", "2001:db8::1"),
      Map.entry("byte", "c3RyaW5n"),
      Map.entry("password", "string"),
      Map.entry("binary", "string"));

  private final DocumentRefs refs;

  SchemaSampler(DocumentRefs refs) {
    this.refs = refs;
  }

  /** A sample for the schema, or null when the schema says nothing a sample could be made of. */
  JsonNode sample(JsonNode schema) {
    return sample(schema, 0, new HashSet<>());
  }

  private JsonNode sample(JsonNode schema, int depth, Set<String> expanding) {
    if (schema == null || !schema.isObject() || depth > MAX_DEPTH) {
      return null;
    }
    String ref = DocumentRefs.ref(schema);
    if (ref != null) {
      if (!expanding.add(ref)) {
        return null;
      }
      try {
        return sample(refs.deref(schema), depth, expanding);
      } finally {
        expanding.remove(ref);
      }
    }
    JsonNode given = given(schema);
    if (given != null) {
      return given;
    }
    if (schema.path("allOf").isArray()) {
      return allOf(schema, depth, expanding);
    }
    for (String alternatives : new String[] {"oneOf", "anyOf"}) {
      for (JsonNode alternative : schema.path(alternatives)) {
        JsonNode value = sample(alternative, depth + 1, expanding);
        if (value != null) {
          return value;
        }
      }
    }
    return switch (type(schema)) {
      case "object" -> object(schema, depth, expanding);
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        JsonNode item = sample(schema.get("items"), depth + 1, expanding);
        yield item == null ? array : array.add(item);
      }
      case "string" -> NODES.textNode(FORMATS.getOrDefault(schema.path("format").asText(""), "string"));
      case "integer" -> NODES.numberNode(number(schema).setScale(0, RoundingMode.CEILING).toBigInteger());
      case "number" -> NODES.numberNode(number(schema));
      case "boolean" -> NODES.booleanNode(true);
      case "null" -> NODES.nullNode();
      default -> null;
    };
  }

  /** A value the schema states itself: example, default, const or the first enum value. */
  private static JsonNode given(JsonNode schema) {
    for (String name : new String[] {"example", "default", "const"}) {
      JsonNode value = schema.get(name);
      if (value != null && !value.isNull()) {
        return value;
      }
    }
    for (String name : new String[] {"examples", "enum"}) {
      JsonNode values = schema.get(name);
      if (values != null && values.isArray() && !values.isEmpty()) {
        return values.get(0);
      }
    }
    return null;
  }

  /** The schema type; the first non-null one of a type list; else inferred from properties or items. */
  private static String type(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual()) {
      return type.textValue();
    }
    if (type != null && type.isArray()) {
      for (JsonNode t : type) {
        if (!t.asText().equals("null")) {
          return t.asText();
        }
      }
      return "null";
    }
    if (schema.has("properties") || schema.path("additionalProperties").isObject()) {
      return "object";
    }
    return schema.has("items") ? "array" : "";
  }

  private JsonNode object(JsonNode schema, int depth, Set<String> expanding) {
    ObjectNode object = NODES.objectNode();
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      if (property.getValue().path("writeOnly").asBoolean(false)) {
        continue;
      }
      JsonNode value = sample(property.getValue(), depth + 1, expanding);
      if (value != null) {
        object.set(property.getKey(), value);
      }
    }
    JsonNode additional = schema.get("additionalProperties");
    if (object.isEmpty() && additional != null && additional.isObject()) {
      JsonNode value = sample(additional, depth + 1, expanding);
      if (value != null) {
        object.set("additionalProp1", value);
      }
    }
    return object;
  }

  /** Merges the object parts of allOf (and the schema's own properties); a single non-object part wins alone. */
  private JsonNode allOf(JsonNode schema, int depth, Set<String> expanding) {
    ObjectNode merged = NODES.objectNode();
    JsonNode scalar = null;
    for (JsonNode part : schema.path("allOf")) {
      JsonNode value = sample(part, depth + 1, expanding);
      if (value instanceof ObjectNode object) {
        merged.setAll(object);
      } else if (value != null && scalar == null) {
        scalar = value;
      }
    }
    if (schema.has("properties")) {
      merged.setAll((ObjectNode) object(schema, depth, expanding));
    }
    return merged.isEmpty() && scalar != null ? scalar : merged;
  }

  /** The minimum (exclusive minimums are stepped over by one), else a negative maximum, else 0. */
  private static BigDecimal number(JsonNode schema) {
    JsonNode minimum = schema.get("minimum");
    JsonNode exclusive = schema.get("exclusiveMinimum");
    if (minimum != null && minimum.isNumber()) {
      return exclusive != null && exclusive.asBoolean(false)
          ? minimum.decimalValue().add(BigDecimal.ONE)
          : minimum.decimalValue();
    }
    if (exclusive != null && exclusive.isNumber()) {
      return exclusive.decimalValue().add(BigDecimal.ONE);
    }
    JsonNode maximum = schema.get("maximum");
    if (maximum != null && maximum.isNumber() && maximum.decimalValue().signum() < 0) {
      return maximum.decimalValue();
    }
    return BigDecimal.ZERO;
  }
}
