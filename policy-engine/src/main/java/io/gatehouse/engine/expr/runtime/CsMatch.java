package io.gatehouse.engine.expr.runtime;

/**
 * {@code System.Text.RegularExpressions.Match}: {@code Success}, {@code Value}, {@code Index}, {@code Length},
 * {@code Groups}, {@code NextMatch()}, {@code Result(replacement)}, {@code Match.Empty}.
 */
public final class CsMatch {
  private final CsRegex regex;
  private final String input;
  private final CsGroupCollection groups;
  private final int end;

  CsMatch(CsRegex regex, String input, CsGroupCollection groups, int end) {
    this.regex = regex;
    this.input = input;
    this.groups = groups;
    this.end = end;
  }

  /** {@code Match.Empty}: an unsuccessful match. */
  public static CsMatch empty(CsRegex regex, String input) {
    return new CsMatch(regex, input, new CsGroupCollection(java.util.List.of(new CsGroup("0", "", 0, false))), -1);
  }

  /** {@code Success}. */
  public boolean success() {
    return groups.get(0).success();
  }

  /** {@code Value}. */
  public String value() {
    return groups.get(0).value();
  }

  /** {@code Index}. */
  public int index() {
    return groups.get(0).index();
  }

  /** {@code Length}. */
  public int length() {
    return groups.get(0).length();
  }

  /** {@code Groups}. */
  public CsGroupCollection groups() {
    return groups;
  }

  /** {@code NextMatch()}. */
  public CsMatch nextMatch() {
    if (!success() || regex == null) {
      return empty(regex, input);
    }
    int from = length() == 0 ? end + 1 : end;
    return from > input.length() ? empty(regex, input) : regex.match(input, from);
  }

  /** {@code Result(replacement)}: expands {@code $1}, {@code ${name}}, {@code $&} … for this match. */
  public String result(String replacement) {
    if (!success()) {
      throw CsException.of("NotSupportedException", "Result cannot be called on a failed Match.");
    }
    return CsRegex.expand(replacement, this, input);
  }

  /** {@code ToString()} = {@code Value}. */
  @Override
  public String toString() {
    return value();
  }
}
