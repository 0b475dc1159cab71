package io.gatehouse.xml;

import java.util.Objects;

/**
 * An APIM named value, referenced from policies as {@code {{name}}}.
 *
 * @param name the display name used in references (letters, digits, {@code .}, {@code -}, {@code _})
 * @param value the value; null when it is a secret whose value was not provided (referencing it is then an error)
 * @param secret whether the value must never appear in diagnostics, traces or logs
 */
public record NamedValue(String name, String value, boolean secret) {
  public NamedValue {
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String toString() {
    return "NamedValue[" + name + (secret ? ", secret" : ", " + value) + "]";
  }
}
