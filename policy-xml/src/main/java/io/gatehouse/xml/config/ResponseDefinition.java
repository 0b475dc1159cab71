package io.gatehouse.xml.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One documented response of an operation.
 *
 * @param status the response key: a status code such as {@code 200}, a range such as {@code 2XX} (stored
 *     upper-case) or {@code default} (stored lower-case)
 * @param content the documented bodies by media type (as written in the definition), in document order; empty when
 *     the response has no body
 */
public record ResponseDefinition(String status, Map<String, ResponseContent> content) {
  public ResponseDefinition {
    Objects.requireNonNull(status, "status");
    status = status.strip();
    status = status.equalsIgnoreCase("default") ? "default" : status.toUpperCase(Locale.ROOT);
    content = content == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(content));
    content.forEach((mediaType, body) -> {
      Objects.requireNonNull(mediaType, "media type");
      Objects.requireNonNull(body, "content of " + mediaType);
    });
  }
}
