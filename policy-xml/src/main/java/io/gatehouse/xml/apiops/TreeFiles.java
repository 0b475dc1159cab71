package io.gatehouse.xml.apiops;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.PolicySource;
import io.gatehouse.xml.Position;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** File access inside one tree: UTF-8 text, JSON with located errors, and origins relative to the root. */
final class TreeFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;
  private final Diagnostics diagnostics;

  TreeFiles(Path root, Diagnostics diagnostics) {
    this.root = root;
    this.diagnostics = diagnostics;
  }

  Diagnostics diagnostics() {
    return diagnostics;
  }

  /** The path relative to the root with {@code /} separators, as diagnostics print it. */
  String origin(Path file) {
    String relative = root.relativize(file).toString();
    return relative.replace(file.getFileSystem().getSeparator(), "/");
  }

  void error(Path file, String message) {
    diagnostics.error(Position.start(origin(file)), message);
  }

  void warning(Path file, String message) {
    diagnostics.warning(Position.start(origin(file)), message);
  }

  /** Child folders and files sorted by name; empty when {@code dir} is not a readable folder. */
  static List<Path> children(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Child folders of {@code dir}, sorted by name. */
  static List<Path> folders(Path dir) {
    return children(dir).stream().filter(Files::isDirectory).toList();
  }

  /** The file as UTF-8 text without a byte-order mark, or null after reporting why it cannot be read. */
  String text(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      error(file, "cannot read file: " + e.getMessage());
      return null;
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      error(file, "file is not valid UTF-8");
      return null;
    }
  }

  /** A policy document, or null after reporting why it cannot be read. */
  PolicySource policy(Path file) {
    String text = text(file);
    return text == null ? null : new PolicySource(origin(file), text);
  }

  /** The parsed JSON document, or null after reporting the syntax error with its line and column. */
  JsonNode json(Path file) {
    String text = text(file);
    if (text == null) {
      return null;
    }
    return parse(JSON, file, text);
  }

  /** Parses text with a Jackson mapper (JSON or YAML), reporting syntax errors with their location. */
  JsonNode parse(ObjectMapper mapper, Path file, String text) {
    try {
      JsonNode node = mapper.readTree(text);
      if (node == null || node.isMissingNode()) {
        error(file, "file is empty");
        return null;
      }
      return node;
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      String origin = origin(file);
      Position position = location == null || location.getLineNr() < 1
          ? Position.start(origin)
          : new Position(origin, location.getLineNr(), Math.max(1, location.getColumnNr()));
      diagnostics.error(position, "malformed " + (mapper == JSON ? "JSON" : "document") + ": "
          + e.getOriginalMessage());
      return null;
    }
  }

  /**
   * The {@code properties} object of an {@code *Information.json} file, or null after reporting a problem. Full
   * ARM objects (apiops-cli) carry the same {@code properties}.
   */
  JsonNode properties(Path file) {
    JsonNode node = json(file);
    if (node == null) {
      return null;
    }
    JsonNode properties = node.get("properties");
    if (!node.isObject() || properties == null || !properties.isObject()) {
      error(file, "expected a JSON object with a \"properties\" object");
      return null;
    }
    return properties;
  }

  /** A string field, or null when absent or JSON null; reports a non-string value. */
  String string(JsonNode properties, String field, Path file) {
    JsonNode value = properties.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      error(file, "\"" + field + "\" must be a string");
      return null;
    }
    return value.asText();
  }

  /** A boolean field, or {@code fallback} when absent; reports a non-boolean value. */
  boolean bool(JsonNode properties, String field, boolean fallback, Path file) {
    JsonNode value = properties.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isBoolean()) {
      error(file, "\"" + field + "\" must be true or false");
      return fallback;
    }
    return value.booleanValue();
  }

  /** An integer field, or null when absent; reports a non-integer value. */
  Integer integer(JsonNode properties, String field, Path file) {
    JsonNode value = properties.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      error(file, "\"" + field + "\" must be an integer");
      return null;
    }
    return value.intValue();
  }

  /** The last segment of an ARM id, absolute or relative ({@code /apiVersionSets/x} → {@code x}). */
  static String lastSegment(String id) {
    if (id == null) {
      return null;
    }
    String trimmed = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }
}
