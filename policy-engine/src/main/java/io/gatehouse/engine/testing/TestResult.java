package io.gatehouse.engine.testing;

import io.gatehouse.api.BackendRequest;
import io.gatehouse.api.GatewayResponse;
import io.gatehouse.api.LastError;
import io.gatehouse.api.TraceSink;
import io.gatehouse.engine.ExchangeOutcome;
import io.gatehouse.engine.pipeline.StepTrace;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** What one {@link TestGateway#send} produced, with shortcuts for assertions. */
public final class TestResult {
  private final ExchangeOutcome outcome;

  TestResult(ExchangeOutcome outcome) {
    this.outcome = outcome;
  }

  public ExchangeOutcome outcome() {
    return outcome;
  }

  public GatewayResponse response() {
    return outcome.response();
  }

  public int status() {
    return outcome.response().status();
  }

  /** The first value of a response header, or null. */
  public String header(String name) {
    return outcome.response().headers().first(name);
  }

  public String bodyText() {
    return new String(outcome.response().body(), StandardCharsets.UTF_8);
  }

  /** The request the backend received, or null when it was not called. */
  public BackendRequest backendRequest() {
    return outcome.backendRequest();
  }

  /** A context variable's final value (C# runtime value), or null. */
  public Object variable(String name) {
    return outcome.variables().get(name);
  }

  public Map<String, Object> variables() {
    return outcome.variables();
  }

  /** {@code context.LastError}, or null when no error happened. */
  public LastError lastError() {
    return outcome.lastError();
  }

  /** The statements that ran, in order. */
  public List<StepTrace> steps() {
    return outcome.steps();
  }

  /** {@code trace} policy output. */
  public List<TraceSink.TraceEvent> traces() {
    return outcome.traces();
  }
}
