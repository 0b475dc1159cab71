package io.gatehouse.xml;

import java.util.Objects;

/**
 * One problem found while loading configuration, printed as {@code file:line:col: error: message}.
 *
 * <p>Messages never contain the values of secret named values.
 */
public record Diagnostic(Severity severity, Position position, String message) {
  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return position + ": " + severity.label() + ": " + message;
  }
}
