package io.gatehouse.engine.expr.runtime;

/**
 * {@code System.Net.WebUtility}: {@code UrlEncode} (space → {@code +}, keeps letters, digits and {@code -_.!*()},
 * upper-case hex), {@code UrlDecode}, {@code HtmlEncode} ({@code < > & " '} and U+00A0..U+00FF as {@code &#N;}),
 * {@code HtmlDecode} (named, decimal and hex entities).
 */
public final class CsWebUtility {
  private static final java.util.Map<String, Character> ENTITIES = java.util.Map.ofEntries(
      java.util.Map.entry("quot", '"'), java.util.Map.entry("amp", '&'), java.util.Map.entry("lt", '<'),
      java.util.Map.entry("gt", '>'), java.util.Map.entry("apos", '\''), java.util.Map.entry("nbsp", '\u00a0'),
      java.util.Map.entry("copy", '\u00a9'), java.util.Map.entry("reg", '\u00ae'), java.util.Map.entry("euro", '\u20ac'),
      java.util.Map.entry("eacute", '\u00e9'), java.util.Map.entry("egrave", '\u00e8'),
      java.util.Map.entry("agrave", '\u00e0'), java.util.Map.entry("uuml", '\u00fc'), java.util.Map.entry("ouml", '\u00f6'),
      java.util.Map.entry("auml", '\u00e4'), java.util.Map.entry("szlig", '\u00df'), java.util.Map.entry("ccedil", '\u00e7'),
      java.util.Map.entry("hellip", '\u2026'), java.util.Map.entry("ndash", '\u2013'), java.util.Map.entry("mdash", '\u2014'),
      java.util.Map.entry("laquo", '\u00ab'), java.util.Map.entry("raquo", '\u00bb'), java.util.Map.entry("deg", '\u00b0'),
      java.util.Map.entry("trade", '\u2122'));

  private CsWebUtility() {}

  /** {@code WebUtility.UrlEncode(s)}; null → null. */
  public static String urlEncode(String s) {
    return s == null ? null : CsUri.percentEncode(s, "-_.!*()", true);
  }

  /** {@code WebUtility.UrlDecode(s)}: {@code +} → space, %XX as UTF-8; null → null. */
  public static String urlDecode(String s) {
    return s == null ? null : CsUri.percentDecode(s, true);
  }

  /** {@code WebUtility.HtmlEncode(s)}; null → null. */
  public static String htmlEncode(String s) {
    if (s == null) {
      return null;
    }
    CsException.checkLength(s.length() * 8L);
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (c >= '\u00a0' && c < '\u0100') {
            sb.append("&#").append((int) c).append(';');
          } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            sb.append("&#").append(Character.toCodePoint(c, s.charAt(++i))).append(';');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** {@code WebUtility.HtmlDecode(s)}; unknown entities are kept; null → null. */
  public static String htmlDecode(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int semi = c == '&' ? s.indexOf(';', i + 1) : -1;
      if (semi > i + 1 && semi - i <= 12) {
        String name = s.substring(i + 1, semi);
        Integer cp = null;
        try {
          if (name.startsWith("#x") || name.startsWith("#X")) {
            cp = Integer.parseInt(name.substring(2), 16);
          } else if (name.startsWith("#")) {
            cp = Integer.parseInt(name.substring(1));
          } else if (ENTITIES.containsKey(name)) {
            cp = (int) ENTITIES.get(name);
          }
        } catch (NumberFormatException e) {
          cp = null;
        }
        if (cp != null && Character.isValidCodePoint(cp)) {
          sb.appendCodePoint(cp);
          i = semi + 1;
          continue;
        }
      }
      sb.append(c);
      i++;
    }
    return sb.toString();
  }
}
