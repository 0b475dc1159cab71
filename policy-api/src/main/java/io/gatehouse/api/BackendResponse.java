package io.gatehouse.api;

import java.util.Objects;

/**
 * A backend's answer.
 *
 * @param status HTTP status code
 * @param reason reason phrase, possibly empty
 * @param headers response headers
 * @param body response body, empty array when none (and when {@code streamed} is set)
 * @param streamed the body as a handle the host delivers itself, or null when the body is {@code body}; only
 *     allowed when the call's {@link BackendOptions#responseBodyNeeded()} was false
 */
public record BackendResponse(int status, String reason, HttpHeaders headers, byte[] body, StreamedBody streamed) {
  private static final byte[] NONE = new byte[0];

  public BackendResponse {
    reason = reason == null ? "" : reason;
    headers = Objects.requireNonNull(headers, "headers");
    body = body == null || streamed != null ? NONE : body;
  }

  /** A response whose body is {@code body}. */
  public BackendResponse(int status, String reason, HttpHeaders headers, byte[] body) {
    this(status, reason, headers, body, null);
  }

  /** A response whose body the host streams to the client itself (see {@link StreamedBody}). */
  public static BackendResponse streamed(int status, String reason, HttpHeaders headers, StreamedBody body) {
    return new BackendResponse(status, reason, headers, null, Objects.requireNonNull(body, "body"));
  }
}
