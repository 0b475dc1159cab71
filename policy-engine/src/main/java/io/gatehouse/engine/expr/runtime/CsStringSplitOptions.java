package io.gatehouse.engine.expr.runtime;

/** {@code System.StringSplitOptions} flag values (combine with {@code |}). */
public final class CsStringSplitOptions {
  /** {@code StringSplitOptions.None}. */
  public static final int NONE = 0;
  /** {@code StringSplitOptions.RemoveEmptyEntries}. */
  public static final int REMOVE_EMPTY_ENTRIES = 1;
  /** {@code StringSplitOptions.TrimEntries}. */
  public static final int TRIM_ENTRIES = 2;

  private CsStringSplitOptions() {}
}
