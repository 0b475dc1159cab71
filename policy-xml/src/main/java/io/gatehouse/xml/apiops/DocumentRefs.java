package io.gatehouse.xml.apiops;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows local {@code $ref}s ({@code #/components/schemas/Pet}, {@code #/definitions/Pet}, ...) inside one
 * specification document. External references are not followed: loading a configuration never touches the network
 * or other files. References that cannot be followed are remembered for the caller to report.
 */
final class DocumentRefs {
  private static final int MAX_HOPS = 32;

  private final JsonNode document;
  private final List<String> unresolved = new ArrayList<>();

  DocumentRefs(JsonNode document) {
    this.document = document;
  }

  /** The {@code $ref} of an object node, or null when it has none. */
  static String ref(JsonNode node) {
    JsonNode ref = node == null ? null : node.get("$ref");
    return ref != null && ref.isTextual() ? ref.textValue() : null;
  }

  /**
   * The node itself when it has no {@code $ref}, else the node the reference chain ends at; null (and the reference
   * remembered) when a reference is external, dangling or circular.
   */
  JsonNode deref(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; hops < MAX_HOPS; hops++) {
      String ref = ref(current);
      if (ref == null) {
        return current;
      }
      JsonNode target = ref.startsWith("#") ? pointer(ref) : null;
      if (target == null || target.isMissingNode()) {
        unresolved.add(ref);
        return null;
      }
      current = target;
    }
    unresolved.add(ref(node));
    return null;
  }

  private JsonNode pointer(String ref) {
    try {
      String path = URLDecoder.decode(ref.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
      return document.at(JsonPointer.compile(path));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The references that could not be followed since the last call, emptying the list. */
  List<String> drainUnresolved() {
    List<String> result = List.copyOf(unresolved);
    unresolved.clear();
    return result;
  }
}
