package io.gatehouse.engine.pipeline;

import io.gatehouse.api.HttpHeaders;

/**
 * An APIM error raised while a request runs: it skips the rest of the section and enters {@code on-error} with
 * {@code context.LastError} set. Carries the default response the caller gets if {@code on-error} does not produce
 * one. Stack traces are not filled in: these are expected outcomes, not bugs.
 */
public final class PolicyFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String reason;
  private final int status;
  private final String clientMessage;
  private final transient HttpHeaders extraHeaders;
  private final boolean internalError;
  private transient StepInfo location;

  private PolicyFailure(
      String source, String reason, String message, int status, String clientMessage, HttpHeaders extraHeaders,
      boolean internalError) {
    super(message, null, false, false);
    this.source = source;
    this.reason = reason;
    this.status = status;
    this.clientMessage = clientMessage;
    this.extraHeaders = extraHeaders;
    this.internalError = internalError;
  }

  /**
   * A policy error with an explicit client response.
   *
   * @param source LastError.Source; null means "the failing policy's name"
   * @param reason LastError.Reason
   * @param message LastError.Message
   * @param status default HTTP status
   * @param clientMessage the {@code message} of the default JSON body
   */
  public static PolicyFailure of(String source, String reason, String message, int status, String clientMessage) {
    return new PolicyFailure(source, reason, message, status, clientMessage, null, false);
  }

  /** Same as {@link #of} with headers added to the default response (e.g. {@code Retry-After}). */
  public static PolicyFailure withHeaders(
      String source, String reason, String message, int status, String clientMessage, HttpHeaders headers) {
    return new PolicyFailure(source, reason, message, status, clientMessage, headers, false);
  }

  /**
   * A failure answered with the generic 500 body {@code {"statusCode": 500, "message": "Internal server error",
   * "activityId": ...}}: expression failures, timeouts, backend connection failures.
   */
  public static PolicyFailure internal(String source, String reason, String message) {
    return new PolicyFailure(source, reason, message, 500, "Internal server error", null, true);
  }

  /** LastError.Source; null until located when the failing policy's name is meant. */
  public String source() {
    return source != null ? source : location != null ? location.policy() : null;
  }

  public String reason() {
    return reason;
  }

  public int status() {
    return status;
  }

  public String clientMessage() {
    return clientMessage;
  }

  /** Headers for the default response, or null. */
  public HttpHeaders extraHeaders() {
    return extraHeaders;
  }

  /** Whether the default body carries an {@code activityId} (generic 500). */
  public boolean internalError() {
    return internalError;
  }

  /** The statement that failed, or null for built-in steps. */
  public StepInfo location() {
    return location;
  }

  /** Records the innermost failing statement; later (outer) calls keep the first. */
  public PolicyFailure locate(StepInfo info) {
    if (location == null) {
      location = info;
    }
    return this;
  }
}
