package io.gatehouse.api;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The response the engine produces for a host to send to the client.
 *
 * @param status HTTP status code
 * @param reason reason phrase (may be empty)
 * @param headers response headers
 * @param body response body; empty array when there is none
 */
public record GatewayResponse(int status, String reason, HttpHeaders headers, byte[] body) {
  public GatewayResponse {
    reason = reason == null ? "" : reason;
    headers = Objects.requireNonNull(headers, "headers");
    body = body == null ? new byte[0] : body;
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
