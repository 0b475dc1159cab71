package io.gatehouse.engine.pipeline;

import io.gatehouse.api.HttpHeaders;
import io.gatehouse.api.StreamedBody;
import io.gatehouse.engine.context.ResponseContext;

/** {@code context.Response}: the response being built; before the backend answers it is 200 with nothing else. */
public final class MutableResponse implements ResponseContext {
  private int statusCode = 200;
  private String statusReason = "OK";
  private HttpHeaders headers; // created on first use: a backend response usually replaces it first
  private Body body;

  @Override
  public int statusCode() {
    return statusCode;
  }

  @Override
  public String statusReason() {
    return statusReason;
  }

  public void setStatus(int statusCode, String statusReason) {
    this.statusCode = statusCode;
    this.statusReason = statusReason == null ? "" : statusReason;
  }

  @Override
  public HttpHeaders headers() {
    if (headers == null) {
      headers = new HttpHeaders();
    }
    return headers;
  }

  @Override
  public Body body() {
    return body;
  }

  /** Sets the body; null or empty bytes mean "no body". */
  public void setBody(byte[] bytes) {
    this.body = bytes == null ? null : new Body(bytes, headers());
  }

  /** Replaces everything (a backend response, a cached one, or a {@code response-variable-name} response). */
  public void replaceWith(int statusCode, String statusReason, HttpHeaders headers, byte[] body) {
    this.statusCode = statusCode;
    this.statusReason = statusReason == null ? "" : statusReason;
    this.headers = headers;
    this.body = body == null || body.length == 0 ? null : new Body(body, headers);
  }

  /** Replaces everything with a backend response whose body the host streams itself. */
  public void replaceWithStreamed(int statusCode, String statusReason, HttpHeaders headers, StreamedBody body) {
    replaceWith(statusCode, statusReason, headers, null);
    this.body = Body.streamed(body, headers);
  }

  /** Resets to an empty 200 response. */
  public void reset() {
    replaceWith(200, "OK", new HttpHeaders(), null);
  }
}
