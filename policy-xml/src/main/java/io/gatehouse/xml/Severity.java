package io.gatehouse.xml;

/** How bad a diagnostic is. */
public enum Severity {
  ERROR,
  WARNING;

  /** {@code error} or {@code warning}, as printed in diagnostics. */
  public String label() {
    return this == ERROR ? "error" : "warning";
  }
}
