package io.gatehouse.api;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The response the engine produces for a host to send to the client.
 *
 * @param status HTTP status code
 * @param reason reason phrase (may be empty)
 * @param headers response headers
 * @param body response body; empty array when there is none (and when {@code streamed} is set)
 * @param streamed null, or the backend's {@link StreamedBody}, unchanged by the policies: the final body is that
 *     stream, which the host writes itself after the status and headers
 */
public record GatewayResponse(int status, String reason, HttpHeaders headers, byte[] body, StreamedBody streamed) {
  private static final byte[] NONE = new byte[0];

  public GatewayResponse {
    reason = reason == null ? "" : reason;
    headers = Objects.requireNonNull(headers, "headers");
    body = body == null || streamed != null ? NONE : body;
  }

  /** A response whose body is {@code body}. */
  public GatewayResponse(int status, String reason, HttpHeaders headers, byte[] body) {
    this(status, reason, headers, body, null);
  }

  /** The body decoded as UTF-8 (empty for a streamed body). */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
