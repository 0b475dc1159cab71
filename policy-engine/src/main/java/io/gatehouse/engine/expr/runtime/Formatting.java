package io.gatehouse.engine.expr.runtime;

/** {@code Newtonsoft.Json.Formatting}. */
public enum Formatting {
  /** Compact output. */
  None,
  /** Two-space indentation with {@link CsRuntimeSettings#NEW_LINE} line breaks. */
  Indented
}
