package io.gatehouse.engine.policy;

import io.gatehouse.engine.pipeline.MockResponses;
import io.gatehouse.xml.config.OperationDefinition;
import io.gatehouse.xml.config.ResponseDefinition;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mock responses an operation's API definition documents. The response is chosen by exact status, else by its
 * range ({@code 2XX}), else {@code default}; within it the media type by exact match of the type without
 * parameters (case-insensitive), or, without a requested content type, the first documented media type that has a
 * body. The body is the example, else the sample generated from the schema.
 */
public final class OpenApiMockResponses implements MockResponses {
  /** Documented bodies by response key, then by lower-case media type without parameters, in document order. */
  private final Map<String, Map<String, Documented>> responses;

  private record Documented(String mediaType, byte[] body) {}

  private OpenApiMockResponses(Map<String, Map<String, Documented>> responses) {
    this.responses = responses;
  }

  /** The mock responses of an operation; {@link MockResponses#NONE} when it documents no response. */
  public static MockResponses of(OperationDefinition operation) {
    List<ResponseDefinition> documented = operation.responses();
    if (documented.isEmpty()) {
      return NONE;
    }
    Map<String, Map<String, Documented>> responses = new HashMap<>();
    for (ResponseDefinition response : documented) {
      Map<String, Documented> bodies = new LinkedHashMap<>();
      response.content().forEach((mediaType, content) -> {
        String body = content.body();
        if (body != null) {
          bodies.putIfAbsent(baseType(mediaType), new Documented(mediaType, body.getBytes(StandardCharsets.UTF_8)));
        }
      });
      responses.putIfAbsent(response.status(), bodies);
    }
    return new OpenApiMockResponses(responses);
  }

  @Override
  public MockBody find(int status, String contentType) {
    Map<String, Documented> bodies = responses.get(Integer.toString(status));
    if (bodies == null) {
      bodies = responses.get(status / 100 + "XX");
    }
    if (bodies == null) {
      bodies = responses.get("default");
    }
    if (bodies == null || bodies.isEmpty()) {
      return null;
    }
    if (contentType == null || contentType.isBlank()) {
      Documented first = bodies.values().iterator().next();
      return new MockBody(first.mediaType(), first.body().clone());
    }
    Documented match = bodies.get(baseType(contentType));
    return match == null ? null : new MockBody(contentType.strip(), match.body().clone());
  }

  private static String baseType(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }
}
