package io.gatehouse.engine.expr.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code System.Text.RegularExpressions.Regex} on java.util.regex: constructor, statics and instance
 * {@code IsMatch}, {@code Match}, {@code Matches}, {@code Replace} (replacement string or evaluator), {@code Split},
 * {@code Escape}, {@code Unescape}. The .NET pattern is translated: {@code (?<name>…)}/{@code (?'name'…)} with any
 * name, {@code \k<name>}, literal {@code {} that is not a quantifier, {@code .}/{@code $} with {@code \n} line
 * semantics, Unicode {@code \d \w \s}; .NET group numbering (unnamed first, then named). Every match runs under
 * {@link CsRuntimeSettings#REGEX_TIMEOUT} (RegexMatchTimeoutException).
 */
public final class CsRegex {
  private static final Map<String, CsRegex> CACHE = new ConcurrentHashMap<>();
  private static final Pattern QUANTIFIER = Pattern.compile("\\{\\d+(,\\d*)?\\}");

  private final String source;
  private final Pattern pattern;
  /** .NET group number → Java group number; index 0 = whole match. */
  private final int[] javaGroup;
  private final String[] groupNames;
  private final java.time.Duration timeout;

  /** {@code new Regex(pattern[, options])}. */
  public CsRegex(String pattern, int options) {
    this(pattern, options, CsRuntimeSettings.REGEX_TIMEOUT);
  }

  /** {@code new Regex(pattern, options, matchTimeout)}. */
  public CsRegex(String pattern, int options, java.time.Duration timeout) {
    if (pattern == null) {
      throw CsException.argumentNull("pattern");
    }
    this.source = pattern;
    this.timeout = timeout;
    Translation t = translate(pattern, (options & CsRegexOptions.EXPLICIT_CAPTURE) != 0);
    int flags = Pattern.UNIX_LINES;
    if ((options & CsRegexOptions.ECMA_SCRIPT) == 0) {
      flags |= Pattern.UNICODE_CHARACTER_CLASS;
    }
    if ((options & CsRegexOptions.IGNORE_CASE) != 0) {
      flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    }
    if ((options & CsRegexOptions.MULTILINE) != 0) {
      flags |= Pattern.MULTILINE;
    }
    if ((options & CsRegexOptions.SINGLELINE) != 0) {
      flags |= Pattern.DOTALL;
    }
    if ((options & CsRegexOptions.IGNORE_PATTERN_WHITESPACE) != 0) {
      flags |= Pattern.COMMENTS;
    }
    try {
      this.pattern = Pattern.compile(t.javaPattern, flags);
    } catch (PatternSyntaxException e) {
      throw CsException.argument("Invalid pattern '" + pattern + "' at offset " + Math.max(e.getIndex(), 0) + ". "
          + e.getDescription() + ".", null);
    }
    this.javaGroup = t.javaGroup;
    this.groupNames = t.names;
  }

  private static CsRegex cached(String pattern, int options) {
    String key = options + "\u0000" + pattern;
    CsRegex r = CACHE.get(key);
    if (r == null) {
      if (CACHE.size() > 256) {
        CACHE.clear();
      }
      r = new CsRegex(pattern, options);
      CACHE.put(key, r);
    }
    return r;
  }

  // ------------------------------------------------------------------ statics

  /** {@code Regex.IsMatch(input, pattern[, options])}. */
  public static boolean isMatch(String input, String pattern, int options) {
    return cached(pattern, options).isMatch(input);
  }

  /** {@code Regex.Match(input, pattern[, options])}. */
  public static CsMatch match(String input, String pattern, int options) {
    return cached(pattern, options).match(input);
  }

  /** {@code Regex.Matches(input, pattern[, options])}. */
  public static List<CsMatch> matches(String input, String pattern, int options) {
    return cached(pattern, options).matches(input);
  }

  /** {@code Regex.Replace(input, pattern, replacement[, options])}. */
  public static String replace(String input, String pattern, String replacement, int options) {
    return cached(pattern, options).replace(input, replacement);
  }

  /** {@code Regex.Replace(input, pattern, evaluator[, options])}. */
  public static String replace(String input, String pattern, Function<CsMatch, String> evaluator, int options) {
    return cached(pattern, options).replace(input, evaluator);
  }

  /** {@code Regex.Split(input, pattern[, options])}. */
  public static String[] split(String input, String pattern, int options) {
    return cached(pattern, options).split(input);
  }

  /** {@code Regex.Escape(s)}: escapes {@code \ * + ? | { [ ( ) ^ $ . # } and white space. */
  public static String escape(String s) {
    if (s == null) {
      throw CsException.argumentNull("str");
    }
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\', '*', '+', '?', '|', '{', '[', '(', ')', '^', '$', '.', '#', ' ' -> sb.append('\\').append(c);
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\f' -> sb.append("\\f");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** {@code Regex.Unescape(s)}. */
  public static String unescape(String s) {
    if (s == null) {
      throw CsException.argumentNull("str");
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        sb.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 't' -> sb.append('\t');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 'f' -> sb.append('\f');
        case 'a' -> sb.append('\u0007');
        case 'e' -> sb.append('\u001b');
        case 'u' -> {
          if (i + 4 < s.length()) {
            sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
            i += 4;
          }
        }
        default -> sb.append(e);
      }
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------ instance

  /** {@code IsMatch(input)}. */
  public boolean isMatch(String input) {
    return matcher(input).find();
  }

  /** {@code Match(input)}. */
  public CsMatch match(String input) {
    return match(input, 0);
  }

  /** {@code Match(input, startat)}. */
  public CsMatch match(String input, int start) {
    if (start < 0 || start > input.length()) {
      throw CsException.argumentOutOfRange("startat", null);
    }
    Matcher m = matcher(input);
    return m.find(start) ? toMatch(m, input) : CsMatch.empty(this, input);
  }

  /** {@code Matches(input)}. */
  public List<CsMatch> matches(String input) {
    Matcher m = matcher(input);
    List<CsMatch> out = new ArrayList<>();
    while (m.find()) {
      out.add(toMatch(m, input));
    }
    return out;
  }

  /** {@code Replace(input, replacement)}: {@code $1 ${name} $& $0 $$ $` $' $+ $_}. */
  public String replace(String input, String replacement) {
    if (replacement == null) {
      throw CsException.argumentNull("replacement");
    }
    return replace(input, m -> expand(replacement, m, input));
  }

  /** {@code Replace(input, MatchEvaluator)}. */
  public String replace(String input, Function<CsMatch, String> evaluator) {
    if (input == null) {
      throw CsException.argumentNull("input");
    }
    Matcher m = matcher(input);
    StringBuilder sb = new StringBuilder();
    int prev = 0;
    while (m.find()) {
      sb.append(input, prev, m.start());
      String r = evaluator.apply(toMatch(m, input));
      sb.append(r == null ? "" : r);
      CsException.checkLength(sb.length());
      prev = m.end();
    }
    sb.append(input, prev, input.length());
    return sb.toString();
  }

  /** {@code Split(input)}: captured groups are included in the result, as in .NET. */
  public String[] split(String input) {
    if (input == null) {
      throw CsException.argumentNull("input");
    }
    Matcher m = matcher(input);
    List<String> out = new ArrayList<>();
    int prev = 0;
    while (m.find()) {
      out.add(input.substring(prev, m.start()));
      for (int g = 1; g < javaGroup.length; g++) {
        String v = m.group(javaGroup[g]);
        if (v != null) {
          out.add(v);
        }
      }
      prev = m.end();
    }
    out.add(input.substring(prev));
    return out.toArray(new String[0]);
  }

  /** {@code GetGroupNames()}. */
  public String[] getGroupNames() {
    return groupNames.clone();
  }

  /** {@code ToString()}: the pattern. */
  @Override
  public String toString() {
    return source;
  }

  private Matcher matcher(String input) {
    if (input == null) {
      throw CsException.argumentNull("input");
    }
    return pattern.matcher(new DeadlineCharSequence(input, System.nanoTime() + timeout.toNanos(), source));
  }

  private CsMatch toMatch(Matcher m, String input) {
    List<CsGroup> groups = new ArrayList<>();
    for (int g = 0; g < javaGroup.length; g++) {
      int jg = javaGroup[g];
      String v = m.group(jg);
      groups.add(new CsGroup(groupNames[g], v == null ? "" : v, v == null ? 0 : m.start(jg), v != null));
    }
    return new CsMatch(this, input, new CsGroupCollection(groups), m.end());
  }

  /** Expands a .NET replacement pattern for one match. */
  static String expand(String replacement, CsMatch m, String input) {
    StringBuilder sb = new StringBuilder();
    int n = replacement.length();
    for (int i = 0; i < n; i++) {
      char c = replacement.charAt(i);
      if (c != '$' || i + 1 >= n) {
        sb.append(c);
        continue;
      }
      char d = replacement.charAt(i + 1);
      if (d == '$') {
        sb.append('$');
        i++;
      } else if (d == '&') {
        sb.append(m.value());
        i++;
      } else if (d == '`') {
        sb.append(input, 0, m.index());
        i++;
      } else if (d == '\'') {
        sb.append(input, m.index() + m.length(), input.length());
        i++;
      } else if (d == '_') {
        sb.append(input);
        i++;
      } else if (d == '+') {
        CsGroupCollection gs = m.groups();
        sb.append(gs.count() > 1 ? gs.get(gs.count() - 1).value() : m.value());
        i++;
      } else if (d == '{') {
        int close = replacement.indexOf('}', i + 2);
        String name = close < 0 ? null : replacement.substring(i + 2, close);
        if (name != null && m.groups().containsKey(name)) {
          sb.append(m.groups().get(name).value());
          i = close;
        } else if (name != null && name.matches("\\d+") && Integer.parseInt(name) < m.groups().count()) {
          sb.append(m.groups().get(Integer.parseInt(name)).value());
          i = close;
        } else {
          sb.append(c);
        }
      } else if (Character.isDigit(d)) {
        int j = i + 1;
        int best = -1;
        int bestEnd = -1;
        int num = 0;
        while (j < n && Character.isDigit(replacement.charAt(j)) && num < 100000) {
          num = num * 10 + (replacement.charAt(j) - '0');
          j++;
          if (num < m.groups().count()) {
            best = num;
            bestEnd = j;
          }
        }
        if (best >= 0) {
          sb.append(m.groups().get(best).value());
          i = bestEnd - 1;
        } else {
          sb.append(c);
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------ translation

  private record Translation(String javaPattern, int[] javaGroup, String[] names) {}

  private static Translation translate(String p, boolean explicitCapture) {
    StringBuilder out = new StringBuilder();
    List<String> javaOrder = new ArrayList<>(); // per Java group: .NET name or null for unnamed
    Map<String, String> javaNames = new java.util.HashMap<>();
    boolean inClass = false;
    int i = 0;
    int n = p.length();
    while (i < n) {
      char c = p.charAt(i);
      if (c == '\\' && i + 1 < n) {
        char e = p.charAt(i + 1);
        if (!inClass && e == 'k' && i + 2 < n && (p.charAt(i + 2) == '<' || p.charAt(i + 2) == '\'')) {
          char close = p.charAt(i + 2) == '<' ? '>' : '\'';
          int end = p.indexOf(close, i + 3);
          if (end > 0) {
            String name = p.substring(i + 3, end);
            String jn = javaNames.get(name);
            out.append(jn != null ? "\\k<" + jn + ">" : name.matches("\\d+") ? "\\" + name : "\\k<" + name + ">");
            i = end + 1;
            continue;
          }
        }
        out.append(c).append(e);
        i += 2;
        continue;
      }
      if (inClass) {
        if (c == ']') {
          inClass = false;
        } else if (c == '[') {
          out.append('\\');
        }
        out.append(c);
        i++;
        continue;
      }
      if (c == '[') {
        inClass = true;
        out.append(c);
        i++;
        if (i < n && p.charAt(i) == '^') {
          out.append('^');
          i++;
        }
        if (i < n && p.charAt(i) == ']') {
          out.append("\\]");
          i++;
        }
        continue;
      }
      if (c == '{') {
        Matcher q = QUANTIFIER.matcher(p).region(i, n);
        if (q.lookingAt() && out.length() > 0) {
          out.append(q.group());
          i = q.end();
        } else {
          out.append("\\{");
          i++;
        }
        continue;
      }
      if (c == '(') {
        if (i + 1 < n && p.charAt(i + 1) == '?') {
          String name = null;
          int after = -1;
          if (i + 2 < n && (p.charAt(i + 2) == '<' || p.charAt(i + 2) == '\'')
              && i + 3 < n && p.charAt(i + 3) != '=' && p.charAt(i + 3) != '!') {
            char close = p.charAt(i + 2) == '<' ? '>' : '\'';
            int end = p.indexOf(close, i + 3);
            if (end > 0) {
              name = p.substring(i + 3, end);
              after = end + 1;
            }
          } else if (i + 3 < n && p.charAt(i + 2) == 'P' && p.charAt(i + 3) == '<') {
            int end = p.indexOf('>', i + 4);
            if (end > 0) {
              name = p.substring(i + 4, end);
              after = end + 1;
            }
          }
          if (name != null) {
            String jn = "g" + (javaOrder.size() + 1) + "x" + name.replaceAll("[^A-Za-z0-9]", "");
            javaNames.put(name, jn);
            javaOrder.add(name);
            out.append("(?<").append(jn).append('>');
            i = after;
            continue;
          }
          out.append("(?");
          i += 2;
          continue;
        }
        if (explicitCapture) {
          out.append("(?:");
        } else {
          javaOrder.add(null);
          out.append('(');
        }
        i++;
        continue;
      }
      out.append(c);
      i++;
    }
    // .NET numbering: 0, unnamed groups in order, then named groups in order of first appearance
    List<Integer> mapping = new ArrayList<>();
    List<String> names = new ArrayList<>();
    mapping.add(0);
    names.add("0");
    for (int j = 0; j < javaOrder.size(); j++) {
      if (javaOrder.get(j) == null) {
        mapping.add(j + 1);
        names.add(Integer.toString(mapping.size() - 1));
      }
    }
    for (int j = 0; j < javaOrder.size(); j++) {
      String name = javaOrder.get(j);
      if (name != null) {
        mapping.add(j + 1);
        names.add(name);
      }
    }
    return new Translation(out.toString(), mapping.stream().mapToInt(Integer::intValue).toArray(),
        names.toArray(new String[0]));
  }
}
