package io.gatehouse.xml.apiops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Map;

/**
 * Serializes an example or generated sample as the body text of a media type: JSON for {@code json} / {@code +json}
 * types, XML for {@code xml} / {@code +xml} types, and text for anything else. A string value is taken as the body
 * itself (a YAML block holding a JSON or XML document is kept verbatim), except that a JSON media type gets a JSON
 * string when the text is not a JSON document.
 */
final class ExampleText {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ExampleText() {}

  /** The body text; {@code rootName} names the XML document element. */
  static String of(JsonNode value, String mediaType, String rootName) {
    String type = baseType(mediaType);
    if (type.endsWith("json")) {
      return value.isTextual() && isJsonDocument(value.textValue()) ? value.textValue() : json(value);
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (type.endsWith("xml")) {
      StringBuilder xml = new StringBuilder();
      String root = xmlName(rootName == null ? "root" : rootName);
      if (value.isArray()) {
        xml.append('<').append(root).append('>');
        value.forEach(item -> element(xml, "item", item));
        xml.append("</").append(root).append('>');
      } else {
        element(xml, root, value);
      }
      return xml.toString();
    }
    return value.isValueNode() ? value.asText() : json(value);
  }

  /** The media type without parameters, lower-case. */
  static String baseType(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }

  private static boolean isJsonDocument(String text) {
    String trimmed = text.strip();
    if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
      return false;
    }
    try {
      JSON.readTree(trimmed);
      return true;
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static String json(JsonNode value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /** Objects become child elements, arrays repeat the element, values become escaped text. */
  private static void element(StringBuilder xml, String name, JsonNode value) {
    if (value.isArray()) {
      value.forEach(item -> element(xml, name, item));
      return;
    }
    if (value.isNull() || value.isObject() && value.isEmpty()) {
      xml.append('<').append(name).append("/>");
      return;
    }
    xml.append('<').append(name).append('>');
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        element(xml, xmlName(field.getKey()), field.getValue());
      }
    } else {
      escape(xml, value.asText());
    }
    xml.append("</").append(name).append('>');
  }

  private static void escape(StringBuilder xml, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> xml.append("&lt;");
        case '>' -> xml.append("&gt;");
        case '&' -> xml.append("&amp;");
        default -> xml.append(c);
      }
    }
  }

  /** The name with characters XML names cannot hold replaced by {@code _}. */
  static String xmlName(String name) {
    StringBuilder result = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean valid = Character.isLetter(c) || c == '_' || i > 0 && (Character.isDigit(c) || c == '-' || c == '.');
      result.append(valid ? c : '_');
    }
    return result.isEmpty() ? "_" : result.toString();
  }
}
