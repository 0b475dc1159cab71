package io.gatehouse.engine.expr.runtime;

import java.util.Arrays;
import java.util.Objects;

/**
 * An instance of a C# anonymous type ({@code new { a = 1, b = x.Y }}): read-only members in declaration order,
 * value equality, and .NET's {@code ToString()} ({@code { a = 1, b = 2 }}). Serialises to a JSON object.
 */
public final class CsAnonymous {
  private final String[] names;
  private final Object[] values;

  /** The compiler passes its member names (shared, never modified) and a fresh value array. */
  public CsAnonymous(String[] names, Object[] values) {
    this.names = names;
    this.values = values;
  }

  public int size() {
    return names.length;
  }

  public String name(int i) {
    return names[i];
  }

  public Object value(int i) {
    return values[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CsAnonymous a && Arrays.equals(a.names, names) && Arrays.equals(a.values, values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(names), Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    if (names.length == 0) {
      return "{ }";
    }
    StringBuilder sb = new StringBuilder("{ ");
    for (int i = 0; i < names.length; i++) {
      sb.append(i > 0 ? ", " : "").append(names[i]).append(" = ").append(CsFormat.toDisplayString(values[i]));
    }
    return sb.append(" }").toString();
  }
}
