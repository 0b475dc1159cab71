package io.gatehouse.engine.expr.runtime;

/**
 * {@code System.StringComparison}; ordinals match .NET. DECISION (expressions.md 6.2): equality-style operations
 * (Equals, StartsWith, EndsWith, IndexOf, Contains) treat the culture values as their ordinal counterparts; ordering
 * ({@code Compare}) uses an invariant collator for the culture values.
 */
public enum CsStringComparison {
  CurrentCulture, CurrentCultureIgnoreCase, InvariantCulture, InvariantCultureIgnoreCase, Ordinal, OrdinalIgnoreCase;

  /** True for the case-insensitive members. */
  public boolean ignoreCase() {
    return this == CurrentCultureIgnoreCase || this == InvariantCultureIgnoreCase || this == OrdinalIgnoreCase;
  }

  /** True for the culture-sensitive members. */
  public boolean culture() {
    return this != Ordinal && this != OrdinalIgnoreCase;
  }
}
