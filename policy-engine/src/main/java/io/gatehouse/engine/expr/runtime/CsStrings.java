package io.gatehouse.engine.expr.runtime;

import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code System.String} members with .NET semantics. Instance members take the receiver as first argument (the
 * compiler checks it for null and throws NullReferenceException before calling).
 *
 * <p>Statics: {@code IsNullOrEmpty}, {@code IsNullOrWhiteSpace}, {@code Join}, {@code Concat}, {@code Equals},
 * {@code Compare}, {@code CompareOrdinal}. Instance: {@code Split} (all overloads), {@code Substring}, indexer,
 * {@code IndexOf}, {@code LastIndexOf}, {@code IndexOfAny}, {@code Replace}, {@code Trim*}, {@code Pad*},
 * {@code Insert}, {@code Remove}, {@code ToLower}/{@code ToUpper} (invariant), {@code Equals}, {@code StartsWith},
 * {@code EndsWith}, {@code Contains}, {@code CompareTo}, {@code ToCharArray}. {@code string.Format} is
 * {@link CsFormat#composite(String, Object...)}.
 */
public final class CsStrings {
  /** {@code string.Empty}. */
  public static final String EMPTY = "";

  private static final ThreadLocal<Collator> COLLATOR = ThreadLocal.withInitial(() -> {
    Collator c = Collator.getInstance(Locale.ROOT);
    c.setStrength(Collator.TERTIARY);
    return c;
  });
  private static final ThreadLocal<Collator> COLLATOR_IGNORE_CASE = ThreadLocal.withInitial(() -> {
    Collator c = Collator.getInstance(Locale.ROOT);
    c.setStrength(Collator.SECONDARY);
    return c;
  });

  private CsStrings() {}

  // ------------------------------------------------------------------ statics

  /** {@code string.IsNullOrEmpty}. */
  public static boolean isNullOrEmpty(String s) {
    return s == null || s.isEmpty();
  }

  /** {@code string.IsNullOrWhiteSpace}. */
  public static boolean isNullOrWhiteSpace(String s) {
    if (s == null) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!CsChar.isWhiteSpace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code string.Join(separator, params object[])}: null items print as empty; null separator = empty. */
  public static String join(String separator, Object[] values) {
    if (values == null) {
      throw CsException.argumentNull("values");
    }
    return join(separator, java.util.Arrays.asList(values));
  }

  /** {@code string.Join(separator, IEnumerable<T>)}. */
  public static String join(String separator, Iterable<?> values) {
    if (values == null) {
      throw CsException.argumentNull("values");
    }
    String sep = separator == null ? "" : separator;
    StringBuilder sb = new StringBuilder();
    boolean first = true;
    for (Object v : values) {
      if (!first) {
        sb.append(sep);
      }
      first = false;
      sb.append(CsFormat.toDisplayString(v));
      CsException.checkLength(sb.length());
    }
    return sb.toString();
  }

  /** {@code string.Join(char separator, ...)}. */
  public static String join(char separator, Object[] values) {
    return join(String.valueOf(separator), values);
  }

  /** {@code string.Concat(params object[])}: null items contribute nothing. */
  public static String concat(Object... values) {
    if (values == null) {
      return "";
    }
    return join("", java.util.Arrays.asList(values));
  }

  /** {@code string.Concat(IEnumerable<T>)}. */
  public static String concat(Iterable<?> values) {
    return join("", values);
  }

  /** {@code string.Equals(a, b)}: ordinal. */
  public static boolean equals(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }

  /** {@code string.Equals(a, b, comparison)} and {@code a.Equals(b, comparison)}. */
  public static boolean equals(String a, String b, CsStringComparison comparison) {
    if (a == null || b == null) {
      return a == b;
    }
    return comparison.ignoreCase() ? compareOrdinalIgnoreCase(a, b) == 0 : a.equals(b);
  }

  /** {@code string.Compare(a, b)}: culture-sensitive with the invariant collator (DECISION 6.2). */
  public static int compare(String a, String b) {
    return compare(a, b, CsStringComparison.CurrentCulture);
  }

  /** {@code string.Compare(a, b, bool ignoreCase)}. */
  public static int compare(String a, String b, boolean ignoreCase) {
    return compare(a, b, ignoreCase ? CsStringComparison.CurrentCultureIgnoreCase : CsStringComparison.CurrentCulture);
  }

  /** {@code string.Compare(a, b, StringComparison)}: null sorts first. */
  public static int compare(String a, String b, CsStringComparison comparison) {
    if (a == null || b == null) {
      return a == b ? 0 : a == null ? -1 : 1;
    }
    if (comparison == CsStringComparison.Ordinal) {
      return compareOrdinal(a, b);
    }
    if (comparison == CsStringComparison.OrdinalIgnoreCase) {
      return compareOrdinalIgnoreCase(a, b);
    }
    int c = (comparison.ignoreCase() ? COLLATOR_IGNORE_CASE : COLLATOR).get().compare(a, b);
    if (c == 0 && !comparison.ignoreCase()) {
      c = a.compareTo(b);
    }
    return Integer.signum(c);
  }

  /** {@code string.CompareOrdinal(a, b)}: difference of the first differing chars (or lengths). */
  public static int compareOrdinal(String a, String b) {
    if (a == null || b == null) {
      return a == b ? 0 : a == null ? -1 : 1;
    }
    return a.compareTo(b);
  }

  private static int compareOrdinalIgnoreCase(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = CsChar.toUpper(a.charAt(i));
      char y = CsChar.toUpper(b.charAt(i));
      if (x != y) {
        return x - y;
      }
    }
    return a.length() - b.length();
  }

  /** {@code a.CompareTo(b)}: culture-sensitive (invariant collator). */
  public static int compareTo(String a, String b) {
    return compare(a, b);
  }

  // ------------------------------------------------------------------ indexer, substring

  /** {@code s[i]}: out of range → IndexOutOfRangeException. */
  public static char charAt(String s, int index) {
    if (index < 0 || index >= s.length()) {
      throw CsException.indexOutOfRange();
    }
    return s.charAt(index);
  }

  /** {@code s.Substring(start)}. */
  public static String substring(String s, int start) {
    if (start < 0) {
      throw CsException.argumentOutOfRange("startIndex", "StartIndex cannot be less than zero.");
    }
    if (start > s.length()) {
      throw CsException.argumentOutOfRange("startIndex", "startIndex cannot be larger than length of string.");
    }
    return s.substring(start);
  }

  /** {@code s.Substring(start, length)} ({@code length}, not an end index). */
  public static String substring(String s, int start, int length) {
    if (start < 0) {
      throw CsException.argumentOutOfRange("startIndex", "StartIndex cannot be less than zero.");
    }
    if (start > s.length()) {
      throw CsException.argumentOutOfRange("startIndex", "startIndex cannot be larger than length of string.");
    }
    if (length < 0) {
      throw CsException.argumentOutOfRange("length", "Length cannot be less than zero.");
    }
    if (start > s.length() - length) {
      throw CsException.argumentOutOfRange("length", "Index and length must refer to a location within the string.");
    }
    return s.substring(start, start + length);
  }

  // ------------------------------------------------------------------ search

  /** {@code s.IndexOf(char)}. */
  public static int indexOf(String s, char c) {
    return s.indexOf(c);
  }

  /** {@code s.IndexOf(char, startIndex)}. */
  public static int indexOf(String s, char c, int start) {
    checkStart(s, start);
    return s.indexOf(c, start);
  }

  /** {@code s.IndexOf(string)}: ordinal (DECISION 6.2); empty value → 0. */
  public static int indexOf(String s, String value) {
    return indexOf(s, value, 0, CsStringComparison.Ordinal);
  }

  /** {@code s.IndexOf(string, startIndex)}. */
  public static int indexOf(String s, String value, int start) {
    return indexOf(s, value, start, CsStringComparison.Ordinal);
  }

  /** {@code s.IndexOf(string, StringComparison)}. */
  public static int indexOf(String s, String value, CsStringComparison comparison) {
    return indexOf(s, value, 0, comparison);
  }

  /** {@code s.IndexOf(string, startIndex, StringComparison)}. */
  public static int indexOf(String s, String value, int start, CsStringComparison comparison) {
    requireValue(value);
    checkStart(s, start);
    if (!comparison.ignoreCase()) {
      return s.indexOf(value, start);
    }
    for (int i = start; i <= s.length() - value.length(); i++) {
      if (s.regionMatches(true, i, value, 0, value.length())) {
        return i;
      }
    }
    return -1;
  }

  /** {@code s.IndexOfAny(char[])}. */
  public static int indexOfAny(String s, char[] anyOf) {
    if (anyOf == null) {
      throw CsException.argumentNull("anyOf");
    }
    for (int i = 0; i < s.length(); i++) {
      if (contains(anyOf, s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** {@code s.LastIndexOf(char)}. */
  public static int lastIndexOf(String s, char c) {
    return s.lastIndexOf(c);
  }

  /** {@code s.LastIndexOf(string)}: ordinal; empty value → s.Length (.NET 5+). */
  public static int lastIndexOf(String s, String value) {
    return lastIndexOf(s, value, CsStringComparison.Ordinal);
  }

  /** {@code s.LastIndexOf(string, StringComparison)}. */
  public static int lastIndexOf(String s, String value, CsStringComparison comparison) {
    requireValue(value);
    if (value.isEmpty()) {
      return s.length();
    }
    if (!comparison.ignoreCase()) {
      return s.lastIndexOf(value);
    }
    for (int i = s.length() - value.length(); i >= 0; i--) {
      if (s.regionMatches(true, i, value, 0, value.length())) {
        return i;
      }
    }
    return -1;
  }

  /** {@code s.Contains(string)}: ordinal. */
  public static boolean contains(String s, String value) {
    requireValue(value);
    return s.contains(value);
  }

  /** {@code s.Contains(string, StringComparison)}. */
  public static boolean contains(String s, String value, CsStringComparison comparison) {
    return indexOf(s, value, 0, comparison) >= 0;
  }

  /** {@code s.Contains(char)}. */
  public static boolean contains(String s, char c) {
    return s.indexOf(c) >= 0;
  }

  /** {@code s.StartsWith(string)}: ordinal (DECISION 6.2). */
  public static boolean startsWith(String s, String value) {
    return startsWith(s, value, CsStringComparison.Ordinal);
  }

  /** {@code s.StartsWith(string, StringComparison)}. */
  public static boolean startsWith(String s, String value, CsStringComparison comparison) {
    requireValue(value);
    return s.regionMatches(comparison.ignoreCase(), 0, value, 0, value.length());
  }

  /** {@code s.StartsWith(char)}. */
  public static boolean startsWith(String s, char c) {
    return !s.isEmpty() && s.charAt(0) == c;
  }

  /** {@code s.EndsWith(string)}: ordinal (DECISION 6.2). */
  public static boolean endsWith(String s, String value) {
    return endsWith(s, value, CsStringComparison.Ordinal);
  }

  /** {@code s.EndsWith(string, StringComparison)}. */
  public static boolean endsWith(String s, String value, CsStringComparison comparison) {
    requireValue(value);
    return s.regionMatches(comparison.ignoreCase(), s.length() - value.length(), value, 0, value.length());
  }

  /** {@code s.EndsWith(char)}. */
  public static boolean endsWith(String s, char c) {
    return !s.isEmpty() && s.charAt(s.length() - 1) == c;
  }

  // ------------------------------------------------------------------ transformations

  /** {@code s.Replace(string, string)}: ordinal; null/"" replacement removes; empty old value → ArgumentException. */
  public static String replace(String s, String oldValue, String newValue) {
    if (oldValue == null) {
      throw CsException.argumentNull("oldValue");
    }
    if (oldValue.isEmpty()) {
      throw CsException.argument("String cannot be of zero length.", "oldValue");
    }
    String nv = newValue == null ? "" : newValue;
    if (nv.length() > oldValue.length()) {
      long count = (s.length() - s.replace(oldValue, "").length()) / oldValue.length();
      CsException.checkLength(s.length() + count * (nv.length() - oldValue.length()));
    }
    return s.replace(oldValue, nv);
  }

  /** {@code s.Replace(char, char)}. */
  public static String replace(String s, char oldChar, char newChar) {
    return s.replace(oldChar, newChar);
  }

  /** {@code s.Trim()}: Unicode white space. */
  public static String trim(String s) {
    return trim(s, null, true, true);
  }

  /** {@code s.Trim(params char[])}: null/empty set = white space. */
  public static String trim(String s, char[] chars) {
    return trim(s, chars, true, true);
  }

  /** {@code s.Trim(char)}. */
  public static String trim(String s, char c) {
    return trim(s, new char[] {c}, true, true);
  }

  /** {@code s.TrimStart([params char[]])}. */
  public static String trimStart(String s, char[] chars) {
    return trim(s, chars, true, false);
  }

  /** {@code s.TrimEnd([params char[]])}. */
  public static String trimEnd(String s, char[] chars) {
    return trim(s, chars, false, true);
  }

  private static String trim(String s, char[] chars, boolean start, boolean end) {
    boolean white = chars == null || chars.length == 0;
    int a = 0;
    int b = s.length();
    if (start) {
      while (a < b && (white ? CsChar.isWhiteSpace(s.charAt(a)) : contains(chars, s.charAt(a)))) {
        a++;
      }
    }
    if (end) {
      while (b > a && (white ? CsChar.isWhiteSpace(s.charAt(b - 1)) : contains(chars, s.charAt(b - 1)))) {
        b--;
      }
    }
    return s.substring(a, b);
  }

  /** {@code s.PadLeft(totalWidth[, paddingChar])}. */
  public static String padLeft(String s, int totalWidth, char pad) {
    return pad(s, totalWidth, pad, true);
  }

  /** {@code s.PadRight(totalWidth[, paddingChar])}. */
  public static String padRight(String s, int totalWidth, char pad) {
    return pad(s, totalWidth, pad, false);
  }

  private static String pad(String s, int totalWidth, char pad, boolean left) {
    if (totalWidth < 0) {
      throw CsException.argumentOutOfRange("totalWidth", "Non-negative number required.");
    }
    if (totalWidth <= s.length()) {
      return s;
    }
    CsException.checkLength(totalWidth);
    String p = String.valueOf(pad).repeat(totalWidth - s.length());
    return left ? p + s : s + p;
  }

  /** {@code s.Insert(startIndex, value)}. */
  public static String insert(String s, int startIndex, String value) {
    if (value == null) {
      throw CsException.argumentNull("value");
    }
    if (startIndex < 0 || startIndex > s.length()) {
      throw CsException.argumentOutOfRange("startIndex", "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
    }
    CsException.checkLength((long) s.length() + value.length());
    return s.substring(0, startIndex) + value + s.substring(startIndex);
  }

  /** {@code s.Remove(startIndex)}. */
  public static String remove(String s, int startIndex) {
    if (startIndex < 0) {
      throw CsException.argumentOutOfRange("startIndex", "StartIndex cannot be less than zero.");
    }
    if (startIndex >= s.length()) {
      throw CsException.argumentOutOfRange("startIndex", "startIndex must be less than length of string.");
    }
    return s.substring(0, startIndex);
  }

  /** {@code s.Remove(startIndex, count)}. */
  public static String remove(String s, int startIndex, int count) {
    if (startIndex < 0) {
      throw CsException.argumentOutOfRange("startIndex", "StartIndex cannot be less than zero.");
    }
    if (count < 0) {
      throw CsException.argumentOutOfRange("count", "Count cannot be less than zero.");
    }
    if (count > s.length() - startIndex) {
      throw CsException.argumentOutOfRange("count", "Index and count must refer to a location within the string.");
    }
    return s.substring(0, startIndex) + s.substring(startIndex + count);
  }

  /** {@code s.ToLower()} / {@code ToLowerInvariant()}: invariant, one char to one char (length preserved). */
  public static String toLower(String s) {
    char[] cs = s.toCharArray();
    for (int i = 0; i < cs.length; i++) {
      cs[i] = CsChar.toLower(cs[i]);
    }
    return new String(cs);
  }

  /** {@code s.ToUpper()} / {@code ToUpperInvariant()}: invariant, one char to one char (ß stays ß). */
  public static String toUpper(String s) {
    char[] cs = s.toCharArray();
    for (int i = 0; i < cs.length; i++) {
      cs[i] = CsChar.toUpper(cs[i]);
    }
    return new String(cs);
  }

  /** {@code s.ToCharArray()}. */
  public static char[] toCharArray(String s) {
    return s.toCharArray();
  }

  // ------------------------------------------------------------------ split

  /** {@code s.Split(params char[])}: null/empty separators split on white space; empty entries kept. */
  public static String[] split(String s, char... separators) {
    return split(s, separators, Integer.MAX_VALUE, false, false);
  }

  /** {@code s.Split(char[], int count, StringSplitOptions options)} with {@link CsStringSplitOptions} flags. */
  public static String[] split(String s, char[] separators, int count, int options) {
    return split(s, separators, count, (options & CsStringSplitOptions.REMOVE_EMPTY_ENTRIES) != 0,
        (options & CsStringSplitOptions.TRIM_ENTRIES) != 0);
  }

  /**
   * Core char-separator split.
   *
   * @param separators null or empty = white space
   * @param count maximum number of items; the last one holds the rest of the string
   */
  public static String[] split(String s, char[] separators, int count, boolean removeEmpty, boolean trim) {
    checkSplitArgs(count);
    List<int[]> seps = new ArrayList<>();
    boolean white = separators == null || separators.length == 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (white ? CsChar.isWhiteSpace(c) : contains(separators, c)) {
        seps.add(new int[] {i, 1});
      }
    }
    return splitAt(s, seps, count, removeEmpty, trim);
  }

  /** {@code s.Split(string separator, StringSplitOptions)}: null/empty separator → no split. */
  public static String[] split(String s, String separator, int options) {
    return split(s, separator, Integer.MAX_VALUE, options);
  }

  /** {@code s.Split(string separator, int count, StringSplitOptions)}. */
  public static String[] split(String s, String separator, int count, int options) {
    boolean removeEmpty = (options & CsStringSplitOptions.REMOVE_EMPTY_ENTRIES) != 0;
    boolean trim = (options & CsStringSplitOptions.TRIM_ENTRIES) != 0;
    if (separator == null || separator.isEmpty()) {
      checkSplitArgs(count);
      return splitAt(s, List.of(), count, removeEmpty, trim);
    }
    return split(s, new String[] {separator}, count, removeEmpty, trim);
  }

  /** {@code s.Split(string[] separators, StringSplitOptions)}. */
  public static String[] split(String s, String[] separators, int options) {
    return split(s, separators, Integer.MAX_VALUE, options);
  }

  /** {@code s.Split(string[] separators, int count, StringSplitOptions)}. */
  public static String[] split(String s, String[] separators, int count, int options) {
    return split(s, separators, count, (options & CsStringSplitOptions.REMOVE_EMPTY_ENTRIES) != 0,
        (options & CsStringSplitOptions.TRIM_ENTRIES) != 0);
  }

  /** Core string-separator split: at each position the first matching separator (array order) wins. */
  public static String[] split(String s, String[] separators, int count, boolean removeEmpty, boolean trim) {
    checkSplitArgs(count);
    List<String> usable = new ArrayList<>();
    if (separators != null) {
      for (String sep : separators) {
        if (sep != null && !sep.isEmpty()) {
          usable.add(sep);
        }
      }
    }
    if (usable.isEmpty()) {
      return split(s, (char[]) null, count, removeEmpty, trim);
    }
    List<int[]> seps = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      boolean found = false;
      for (String sep : usable) {
        if (s.startsWith(sep, i)) {
          seps.add(new int[] {i, sep.length()});
          i += sep.length();
          found = true;
          break;
        }
      }
      if (!found) {
        i++;
      }
    }
    return splitAt(s, seps, count, removeEmpty, trim);
  }

  private static void checkSplitArgs(int count) {
    if (count < 0) {
      throw CsException.argumentOutOfRange("count", "Count cannot be less than zero.");
    }
  }

  /** .NET's SplitWithoutPostProcessing / SplitWithPostProcessing over the found separator positions. */
  private static String[] splitAt(String s, List<int[]> seps, int count, boolean removeEmpty, boolean trim) {
    if (count == 0 || removeEmpty && s.isEmpty()) {
      return new String[0];
    }
    List<String> out = new ArrayList<>();
    if (count == 1 || seps.isEmpty()) {
      String only = trim ? trim(s) : s;
      if (!(removeEmpty && only.isEmpty())) {
        out.add(only);
      }
      return out.toArray(new String[0]);
    }
    int curr = 0;
    if (!removeEmpty && !trim) {
      int n = Math.min(seps.size(), count - 1);
      for (int i = 0; i < n; i++) {
        out.add(s.substring(curr, seps.get(i)[0]));
        curr = seps.get(i)[0] + seps.get(i)[1];
      }
      out.add(s.substring(curr));
      return out.toArray(new String[0]);
    }
    for (int i = 0; i < seps.size() && curr < s.length(); i++) {
      String cand = s.substring(curr, seps.get(i)[0]);
      if (trim) {
        cand = trim(cand);
      }
      if (!removeEmpty || !cand.isEmpty()) {
        out.add(cand);
      }
      curr = seps.get(i)[0] + seps.get(i)[1];
      if (out.size() == count - 1) {
        if (removeEmpty) {
          while (++i < seps.size()) {
            String next = s.substring(curr, seps.get(i)[0]);
            if (trim) {
              next = trim(next);
            }
            if (!next.isEmpty()) {
              break;
            }
            curr = seps.get(i)[0] + seps.get(i)[1];
          }
        }
        break;
      }
    }
    String last = curr <= s.length() ? s.substring(curr) : "";
    if (trim) {
      last = trim(last);
    }
    if (!last.isEmpty() || !removeEmpty) {
      out.add(last);
    }
    return out.toArray(new String[0]);
  }

  // ------------------------------------------------------------------ helpers

  private static boolean contains(char[] set, char c) {
    for (char x : set) {
      if (x == c) {
        return true;
      }
    }
    return false;
  }

  private static void requireValue(String value) {
    if (value == null) {
      throw CsException.argumentNull("value");
    }
  }

  private static void checkStart(String s, int start) {
    if (start < 0 || start > s.length()) {
      throw CsException.argumentOutOfRange("startIndex", "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
    }
  }
}
