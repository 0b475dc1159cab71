package io.gatehouse.engine.expr.runtime;

/** {@code System.Text.RegularExpressions.RegexOptions} flag values (combine with {@code |}). */
public final class CsRegexOptions {
  public static final int NONE = 0;
  public static final int IGNORE_CASE = 1;
  public static final int MULTILINE = 2;
  public static final int EXPLICIT_CAPTURE = 4;
  public static final int COMPILED = 8;
  public static final int SINGLELINE = 16;
  public static final int IGNORE_PATTERN_WHITESPACE = 32;
  public static final int RIGHT_TO_LEFT = 64;
  public static final int ECMA_SCRIPT = 256;
  public static final int CULTURE_INVARIANT = 512;

  private CsRegexOptions() {}
}
