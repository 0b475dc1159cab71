package io.gatehouse.engine.expr.runtime;

/**
 * The process-wide DECISIONs of expressions.md section 6.6 and 6.1, each a single constant so it is easy to revisit.
 */
public final class CsRuntimeSettings {
  /** DECISION: {@code Environment.NewLine} is CRLF (the managed gateway runs on Windows). */
  public static final String NEW_LINE = "\r\n";

  /** DECISION: {@code double.ToString()} uses .NET Core 3.0+ shortest round-trip text (false = .NET Framework 15 digits). */
  public static final boolean SHORTEST_ROUND_TRIP_DOUBLES = true;

  /** DECISION: the local time zone is UTC, so {@code DateTime.Now} equals {@code UtcNow} with Kind Local. */
  public static final java.time.ZoneOffset LOCAL_OFFSET = java.time.ZoneOffset.UTC;

  /** Upper bound on strings built by library calls (PadLeft, StringBuilder, Replace...); .NET's own limit is ~2^30. */
  public static final int MAX_STRING_LENGTH = 64 * 1024 * 1024;

  /** Default match timeout for {@code Regex} calls (APIM never lets a regex run unbounded). */
  public static final java.time.Duration REGEX_TIMEOUT = java.time.Duration.ofSeconds(2);

  private CsRuntimeSettings() {}
}
