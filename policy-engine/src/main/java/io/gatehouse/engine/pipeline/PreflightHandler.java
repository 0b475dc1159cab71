package io.gatehouse.engine.pipeline;

/** A {@code cors} statement at the top of inbound, asked to answer a CORS preflight on its own. */
public interface PreflightHandler {
  /** Answers the preflight in {@code exchange.response()} and returns true when origin, method and headers match. */
  boolean answerPreflight(Exchange exchange);

  /** Whether an unmatched preflight ends here ({@code terminate-unmatched-request}) instead of trying the next. */
  boolean terminatesUnmatched(Exchange exchange);
}
