package io.gatehouse.engine.expr.runtime;

/** {@code System.Text.RegularExpressions.Group} / {@code Capture}: {@code Success}, {@code Value}, {@code Index}, {@code Length}, {@code Name}. */
public final class CsGroup {
  private final String name;
  private final String value;
  private final int index;
  private final boolean success;

  CsGroup(String name, String value, int index, boolean success) {
    this.name = name;
    this.value = value;
    this.index = index;
    this.success = success;
  }

  /** {@code Success}. */
  public boolean success() {
    return success;
  }

  /** {@code Value} ({@code ""} when the group did not participate). */
  public String value() {
    return value;
  }

  /** {@code Index}. */
  public int index() {
    return index;
  }

  /** {@code Length}. */
  public int length() {
    return value.length();
  }

  /** {@code Name}. */
  public String name() {
    return name;
  }

  /** {@code ToString()} = {@code Value}. */
  @Override
  public String toString() {
    return value;
  }
}
