package io.gatehouse.engine.expr.runtime;

/** {@code System.DateTimeKind}. */
public enum CsDateTimeKind {
  /** {@code DateTimeKind.Unspecified}. */
  Unspecified,
  /** {@code DateTimeKind.Utc}. */
  Utc,
  /** {@code DateTimeKind.Local} (local time zone = UTC by DECISION). */
  Local
}
