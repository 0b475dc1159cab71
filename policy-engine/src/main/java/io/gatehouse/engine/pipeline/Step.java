package io.gatehouse.engine.pipeline;

/**
 * One compiled policy statement. Immutable and shared by all requests; per-request state lives in the
 * {@link Exchange}.
 *
 * <p>A step normally finishes synchronously and returns {@link Flow#CONTINUE} or {@link Flow#END}. A step that must
 * wait (a backend call) returns {@link Flow#later} and never blocks the calling thread. Failures are thrown (or
 * complete the pending stage) as {@link PolicyFailure}.
 */
@FunctionalInterface
public interface Step {
  Flow run(Exchange exchange);
}
