package io.gatehouse.engine.pipeline;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** APIM's default error bodies ({@code {"statusCode": N, "message": "..."}}) and standard reason phrases. */
public final class ErrorResponses {
  private static final Map<Integer, String> REASONS = Map.ofEntries(
      Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(202, "Accepted"), Map.entry(204, "No Content"),
      Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"), Map.entry(304, "Not Modified"),
      Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
      Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
      Map.entry(409, "Conflict"), Map.entry(413, "Payload Too Large"), Map.entry(415, "Unsupported Media Type"),
      Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
      Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

  private ErrorResponses() {}

  /** The standard reason phrase for {@code status}, or empty. */
  public static String reasonPhrase(int status) {
    return REASONS.getOrDefault(status, "");
  }

  /** {@code {"statusCode": 404, "message": "Resource not found"}}. */
  public static byte[] body(int status, String message) {
    return ("{\"statusCode\": " + status + ", \"message\": \"" + quote(message) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The generic 500 body with an activity id. */
  public static byte[] internalBody(UUID activityId) {
    return ("{\"statusCode\": 500, \"message\": \"Internal server error\", \"activityId\": \"" + activityId + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String quote(String s) {
    return new String(JsonStringEncoder.getInstance().quoteAsString(s == null ? "" : s));
  }
}
