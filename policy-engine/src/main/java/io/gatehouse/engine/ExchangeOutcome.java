package io.gatehouse.engine;

import io.gatehouse.api.BackendRequest;
import io.gatehouse.api.GatewayResponse;
import io.gatehouse.api.LastError;
import io.gatehouse.api.TraceSink;
import io.gatehouse.engine.pipeline.StepTrace;
import java.util.List;
import java.util.Map;

/**
 * Everything one request produced: what the test harness and {@code gatehouse-cli run} report.
 *
 * @param response the response for the client
 * @param backendRequest the last request sent to the backend, or null when the backend was not called
 * @param variables {@code context.Variables} at the end (C# runtime values)
 * @param lastError {@code context.LastError}, or null when no error happened
 * @param steps the statements that ran, in order (recorded only when the engine records steps)
 * @param traces {@code trace} policy output (recorded only when the engine records steps)
 */
public record ExchangeOutcome(
    GatewayResponse response,
    BackendRequest backendRequest,
    Map<String, Object> variables,
    LastError lastError,
    List<StepTrace> steps,
    List<TraceSink.TraceEvent> traces) {
  public ExchangeOutcome {
    variables = variables.isEmpty() ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
    steps = List.copyOf(steps);
    traces = List.copyOf(traces);
  }
}
