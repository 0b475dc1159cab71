package io.gatehouse.api;

import java.util.Map;

/** Receives {@code trace} policy output and {@code context.Trace(...)} calls. */
@FunctionalInterface
public interface TraceSink {
  /** Drops everything. */
  TraceSink NONE = event -> {};

  void trace(TraceEvent event);

  /**
   * One trace record.
   *
   * @param source the {@code source} attribute (or {@code expression} for {@code context.Trace})
   * @param severity {@code verbose}, {@code information} or {@code error}
   * @param message the message text (secrets already masked)
   * @param metadata name/value pairs from {@code metadata} children
   */
  record TraceEvent(String source, String severity, String message, Map<String, String> metadata) {
    public TraceEvent {
      metadata = Map.copyOf(metadata);
    }
  }
}
