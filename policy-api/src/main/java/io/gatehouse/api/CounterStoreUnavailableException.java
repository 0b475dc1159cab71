package io.gatehouse.api;

/**
 * A {@link CounterStore} could not answer in time (backing service unreachable, slow or failing) and is configured
 * to fail closed. Policies answer {@code 503} with {@code LastError.Reason} {@code CounterStoreUnavailable}.
 */
public final class CounterStoreUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CounterStoreUnavailableException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
