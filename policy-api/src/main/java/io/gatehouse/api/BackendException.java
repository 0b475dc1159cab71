package io.gatehouse.api;

/** A backend call that produced no response. */
public final class BackendException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why no response came back; maps to APIM's {@code Timeout} and {@code BackendConnectionFailure} reasons. */
  public enum Kind {
    TIMEOUT,
    CONNECTION_FAILURE
  }

  private final Kind kind;

  public BackendException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
