package io.gatehouse.engine.expr;

/** What a hosting attribute or element needs from an expression (spec expressions.md 1.4). */
public enum ResultType {
  /** Conditions: the static type must be {@code bool}; anything else is a compile error. Result: Boolean. */
  BOOL,
  /** Integers: implicit numeric conversion, or a {@code string} parsed with the invariant culture. Result: Long. */
  INTEGER,
  /** Strings: {@code null} stays null; other values become their C# {@code ToString()} text. Result: String. */
  STRING,
  /** Anything ({@code set-variable}, {@code set-body}): the runtime value unchanged. */
  ANY
}
