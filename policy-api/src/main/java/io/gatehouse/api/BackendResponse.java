package io.gatehouse.api;

import java.util.Objects;

/**
 * A backend's answer.
 *
 * @param status HTTP status code
 * @param reason reason phrase, possibly empty
 * @param headers response headers
 * @param body response body, empty array when none
 */
public record BackendResponse(int status, String reason, HttpHeaders headers, byte[] body) {
  public BackendResponse {
    reason = reason == null ? "" : reason;
    headers = Objects.requireNonNull(headers, "headers");
    body = body == null ? new byte[0] : body;
  }
}
