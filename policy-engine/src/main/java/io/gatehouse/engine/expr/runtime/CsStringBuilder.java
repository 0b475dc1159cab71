package io.gatehouse.engine.expr.runtime;

/**
 * {@code System.Text.StringBuilder}: {@code Append(x)} (C# {@code ToString()} of x), {@code AppendLine([x])}
 * (CRLF per DECISION), {@code AppendFormat}, {@code Insert}, {@code Replace}, {@code Remove}, {@code Clear},
 * {@code Length}, indexer, {@code ToString()}. Growth is capped at {@link CsRuntimeSettings#MAX_STRING_LENGTH}.
 */
public final class CsStringBuilder {
  private final StringBuilder sb;

  /** {@code new StringBuilder([value])}. */
  public CsStringBuilder(String value) {
    sb = new StringBuilder(value == null ? "" : value);
  }

  /** {@code new StringBuilder()}. */
  public CsStringBuilder() {
    this("");
  }

  /** {@code Append(value)}. */
  public CsStringBuilder append(Object value) {
    String s = value instanceof char[] cs ? new String(cs) : CsFormat.toDisplayString(value);
    CsException.checkLength((long) sb.length() + s.length());
    sb.append(s);
    return this;
  }

  /** {@code Append(char, repeatCount)}. */
  public CsStringBuilder append(char c, int repeatCount) {
    if (repeatCount < 0) {
      throw CsException.argumentOutOfRange("repeatCount", "Count cannot be less than zero.");
    }
    CsException.checkLength((long) sb.length() + repeatCount);
    sb.append(String.valueOf(c).repeat(repeatCount));
    return this;
  }

  /** {@code AppendLine()}. */
  public CsStringBuilder appendLine() {
    return append(CsRuntimeSettings.NEW_LINE);
  }

  /** {@code AppendLine(value)}. */
  public CsStringBuilder appendLine(String value) {
    append(value);
    return append(CsRuntimeSettings.NEW_LINE);
  }

  /** {@code AppendFormat(format, args)}. */
  public CsStringBuilder appendFormat(String format, Object... args) {
    return append(CsFormat.composite(format, args));
  }

  /** {@code Insert(index, value)}. */
  public CsStringBuilder insert(int index, Object value) {
    if (index < 0 || index > sb.length()) {
      throw CsException.argumentOutOfRange("index", "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
    }
    String s = CsFormat.toDisplayString(value);
    CsException.checkLength((long) sb.length() + s.length());
    sb.insert(index, s);
    return this;
  }

  /** {@code Replace(old, new)}. */
  public CsStringBuilder replace(String oldValue, String newValue) {
    String r = CsStrings.replace(sb.toString(), oldValue, newValue);
    sb.setLength(0);
    sb.append(r);
    return this;
  }

  /** {@code Remove(start, length)}. */
  public CsStringBuilder remove(int start, int length) {
    if (start < 0 || length < 0 || start > sb.length() - length) {
      throw CsException.argumentOutOfRange("length", "Index was out of range. Must be non-negative and less than the size of the collection.");
    }
    sb.delete(start, start + length);
    return this;
  }

  /** {@code Clear()}. */
  public CsStringBuilder clear() {
    sb.setLength(0);
    return this;
  }

  /** {@code Length}. */
  public int length() {
    return sb.length();
  }

  /** {@code sb[i]}. */
  public char charAt(int index) {
    if (index < 0 || index >= sb.length()) {
      throw CsException.indexOutOfRange();
    }
    return sb.charAt(index);
  }

  /** {@code ToString()}. */
  @Override
  public String toString() {
    return sb.toString();
  }
}
