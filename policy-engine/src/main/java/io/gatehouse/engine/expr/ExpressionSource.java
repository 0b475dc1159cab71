package io.gatehouse.engine.expr;

import io.gatehouse.xml.Position;

/**
 * An expression as found in a policy document.
 *
 * @param text the whole value, trimmed: {@code @(...)} or {@code @{...}}, entities decoded, named values substituted
 * @param position where the {@code @} is in the policy file
 * @param secret whether a secret named value was substituted into it: diagnostics must not quote the text then
 */
public record ExpressionSource(String text, Position position, boolean secret) {
  /** Whether {@code value}, trimmed, is an expression: starts with {@code @(} or {@code @{} and ends with the closer. */
  public static boolean isExpression(String value) {
    if (value == null) {
      return false;
    }
    String t = value.strip();
    return t.length() >= 3
        && t.charAt(0) == '@'
        && ((t.charAt(1) == '(' && t.endsWith(")")) || (t.charAt(1) == '{' && t.endsWith("}")));
  }
}
