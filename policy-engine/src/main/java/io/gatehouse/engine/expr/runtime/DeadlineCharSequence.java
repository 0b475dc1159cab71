package io.gatehouse.engine.expr.runtime;

/**
 * A CharSequence that throws {@code RegexMatchTimeoutException} once a deadline passes; java.util.regex reads input
 * through {@link #charAt(int)}, so catastrophic backtracking is bounded.
 */
final class DeadlineCharSequence implements CharSequence {
  private final CharSequence inner;
  private final long deadlineNanos;
  private final String pattern;
  private int counter;

  DeadlineCharSequence(CharSequence inner, long deadlineNanos, String pattern) {
    this.inner = inner;
    this.deadlineNanos = deadlineNanos;
    this.pattern = pattern;
  }

  @Override
  public char charAt(int index) {
    if ((++counter & 0xFFF) == 0 && System.nanoTime() - deadlineNanos > 0) {
      throw new CsException("RegexMatchTimeoutException",
          "The Regex engine has timed out while trying to match a pattern to an input string. This can occur for "
              + "many reasons, including very large inputs or excessive backtracking caused by nested quantifiers, "
              + "back-references and other factors.");
    }
    return inner.charAt(index);
  }

  @Override
  public int length() {
    return inner.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new DeadlineCharSequence(inner.subSequence(start, end), deadlineNanos, pattern);
  }

  @Override
  public String toString() {
    return inner.toString();
  }
}
