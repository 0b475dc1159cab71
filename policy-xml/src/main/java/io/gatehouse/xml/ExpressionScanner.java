package io.gatehouse.xml;

import java.util.function.IntUnaryOperator;

/**
 * Finds the end of a raw policy expression ({@code @(...)} or {@code @{...}}) the way a C# lexer would: tracks
 * {@code ()}, {@code {}}, {@code []} nesting and skips string literals (regular, verbatim, interpolated with nested
 * holes), char literals and comments, so that quotes, {@code <} and {@code &&} inside the expression do not matter.
 *
 * <p>Works on decoded characters obtained through {@code at(index)}, which returns -1 past the end.
 */
final class ExpressionScanner {
  static final int MAX_NESTING = 256;

  private static final int PAREN = 0;
  private static final int BRACKET = 1;
  private static final int BRACE = 2;
  private static final int HOLE_REGULAR = 3;
  private static final int HOLE_VERBATIM = 4;

  private static final int CODE = 0;
  private static final int INTERPOLATED_REGULAR = 1;
  private static final int INTERPOLATED_VERBATIM = 2;

  private final IntUnaryOperator at;
  private String failure;
  private int failureIndex;

  ExpressionScanner(IntUnaryOperator at) {
    this.at = at;
  }

  /** Why the last {@link #scan} failed; {@code %s} stands for the position of {@link #failureIndex()}. */
  String failure() {
    return failure;
  }

  /** The index the failure refers to (an unclosed opener, an unterminated literal). */
  int failureIndex() {
    return failureIndex;
  }

  /**
   * Scans the expression whose {@code @} is at {@code start} (followed by {@code (} or <code>{</code>).
   *
   * @return the index just after the closing delimiter, or -1 when the expression is unbalanced
   */
  int scan(int start) {
    int[] kinds = new int[16];
    int[] openedAt = new int[16];
    int depth = 0;
    int mode = CODE;
    int k = start + 1;
    kinds[depth] = at.applyAsInt(k) == '(' ? PAREN : BRACE;
    openedAt[depth++] = k++;
    int stringStart = -1;
    while (true) {
      int c = at.applyAsInt(k);
      if (c < 0) {
        if (mode != CODE) {
          return fail(stringStart, "interpolated string at %s is not terminated");
        }
        return fail(openedAt[depth - 1], "'" + opener(kinds[depth - 1]) + "' at %s is never closed");
      }
      if (mode != CODE) {
        boolean verbatim = mode == INTERPOLATED_VERBATIM;
        if (c == '"') {
          if (verbatim && at.applyAsInt(k + 1) == '"') {
            k += 2;
          } else {
            mode = CODE;
            k++;
          }
        } else if (c == '\\' && !verbatim) {
          k += 2;
        } else if (c == '\n' && !verbatim) {
          return fail(stringStart, "string literal at %s is not terminated on its line");
        } else if (c == '{' || c == '}') {
          if (at.applyAsInt(k + 1) == c) {
            k += 2;
          } else if (c == '{') {
            if (depth == MAX_NESTING) {
              return fail(k, "expression is nested too deeply at %s");
            }
            if (depth == kinds.length) {
              kinds = java.util.Arrays.copyOf(kinds, depth * 2);
              openedAt = java.util.Arrays.copyOf(openedAt, depth * 2);
            }
            kinds[depth] = verbatim ? HOLE_VERBATIM : HOLE_REGULAR;
            openedAt[depth++] = k++;
            mode = CODE;
          } else {
            k++;
          }
        } else {
          k++;
        }
        continue;
      }
      switch (c) {
        case '(', '[', '{' -> {
          if (depth == MAX_NESTING) {
            return fail(k, "expression is nested too deeply at %s");
          }
          if (depth == kinds.length) {
            kinds = java.util.Arrays.copyOf(kinds, depth * 2);
            openedAt = java.util.Arrays.copyOf(openedAt, depth * 2);
          }
          kinds[depth] = c == '(' ? PAREN : c == '[' ? BRACKET : BRACE;
          openedAt[depth++] = k++;
        }
        case ')', ']', '}' -> {
          int top = kinds[depth - 1];
          char expected = closer(top);
          if (c != expected) {
            return fail(k, "'" + (char) c + "' at %s does not match '" + opener(top) + "' (expected '" + expected + "')");
          }
          depth--;
          k++;
          if (depth == 0) {
            return k;
          }
          if (top == HOLE_REGULAR || top == HOLE_VERBATIM) {
            mode = top == HOLE_REGULAR ? INTERPOLATED_REGULAR : INTERPOLATED_VERBATIM;
          }
        }
        case ':' -> {
          int top = kinds[depth - 1];
          if ((top == HOLE_REGULAR || top == HOLE_VERBATIM) && at.applyAsInt(k + 1) != ':') {
            // format clause of an interpolation hole: literal text up to the hole's '}'
            k++;
            int f;
            while ((f = at.applyAsInt(k)) >= 0 && f != '}') {
              k++;
            }
          } else {
            k++;
          }
        }
        case '"' -> {
          stringStart = k;
          k = skipRegular(k + 1, '"');
          if (k < 0) {
            return fail(stringStart, "string literal at %s is not terminated on its line");
          }
        }
        case '\'' -> {
          stringStart = k;
          k = skipRegular(k + 1, '\'');
          if (k < 0) {
            return fail(stringStart, "character literal at %s is not terminated on its line");
          }
        }
        case '@' -> {
          int n = at.applyAsInt(k + 1);
          if (n == '"') {
            stringStart = k;
            k = skipVerbatim(k + 2);
            if (k < 0) {
              return fail(stringStart, "verbatim string literal at %s is not terminated");
            }
          } else if (n == '$' && at.applyAsInt(k + 2) == '"') {
            stringStart = k;
            mode = INTERPOLATED_VERBATIM;
            k += 3;
          } else {
            k++;
          }
        }
        case '$' -> {
          int n = at.applyAsInt(k + 1);
          if (n == '"') {
            stringStart = k;
            mode = INTERPOLATED_REGULAR;
            k += 2;
          } else if (n == '@' && at.applyAsInt(k + 2) == '"') {
            stringStart = k;
            mode = INTERPOLATED_VERBATIM;
            k += 3;
          } else {
            k++;
          }
        }
        case '/' -> {
          int n = at.applyAsInt(k + 1);
          if (n == '/') {
            k += 2;
            int f;
            while ((f = at.applyAsInt(k)) >= 0 && f != '\n') {
              k++;
            }
          } else if (n == '*') {
            int commentStart = k;
            k += 2;
            while (true) {
              int f = at.applyAsInt(k);
              if (f < 0) {
                return fail(commentStart, "comment at %s is not terminated");
              }
              if (f == '*' && at.applyAsInt(k + 1) == '/') {
                k += 2;
                break;
              }
              k++;
            }
          } else {
            k++;
          }
        }
        default -> k++;
      }
    }
  }

  private int skipRegular(int k, char quote) {
    while (true) {
      int c = at.applyAsInt(k);
      if (c < 0 || c == '\n') {
        return -1;
      }
      if (c == '\\') {
        k += 2;
      } else if (c == quote) {
        return k + 1;
      } else {
        k++;
      }
    }
  }

  private int skipVerbatim(int k) {
    while (true) {
      int c = at.applyAsInt(k);
      if (c < 0) {
        return -1;
      }
      if (c == '"') {
        if (at.applyAsInt(k + 1) != '"') {
          return k + 1;
        }
        k += 2;
      } else {
        k++;
      }
    }
  }

  private int fail(int index, String message) {
    failure = message;
    failureIndex = index;
    return -1;
  }

  private static char opener(int kind) {
    return switch (kind) {
      case PAREN -> '(';
      case BRACKET -> '[';
      default -> '{';
    };
  }

  private static char closer(int kind) {
    return switch (kind) {
      case PAREN -> ')';
      case BRACKET -> ']';
      default -> '}';
    };
  }
}
