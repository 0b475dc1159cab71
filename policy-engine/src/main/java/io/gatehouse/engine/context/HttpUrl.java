package io.gatehouse.engine.context;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An absolute {@code http}/{@code https} URL split into its raw parts, as {@link java.net.URI} would split it.
 *
 * <p>{@link #parse} reads the common shape (a host name or IPv4 address, an optional port, a path and query of
 * plain URI characters) directly, because a request URL is parsed on every request and {@code java.net.URI} costs
 * several hundred nanoseconds there; anything else (IPv6, user info, fragments, non-ASCII, unusual host names) goes
 * through {@code java.net.URI}, so both ways give the same answer.
 *
 * @param scheme {@code http} or {@code https}, lower case
 * @param host the host as written (an IPv6 address keeps its brackets)
 * @param port the port, or -1 when the URL names none
 * @param rawPath the percent-encoded path; empty when the URL has none
 * @param rawQuery the percent-encoded query without {@code ?}, or null when there is none
 */
public record HttpUrl(String scheme, String host, int port, String rawPath, String rawQuery) {
  // What java.net.URI takes unescaped in a path (RFC 2396 unreserved, ";:@&=+$," and "/"); '%' is checked apart.
  private static final boolean[] PATH = new boolean[128];
  private static final boolean[] HOST = new boolean[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      PATH[c] = PATH[c - 'a' + 'A'] = HOST[c] = HOST[c - 'a' + 'A'] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      PATH[c] = HOST[c] = true;
    }
    for (char c : "-_.!~*'();:@&=+$,/".toCharArray()) {
      PATH[c] = true;
    }
    HOST['-'] = HOST['.'] = true;
  }

  /** The URL's parts, or null unless it is an absolute {@code http} or {@code https} URL with a host. */
  public static HttpUrl parse(String url) {
    if (url == null) {
      return null;
    }
    String s = url.strip();
    HttpUrl fast = parseCommon(s);
    return fast != null ? fast : parseWithUri(s);
  }

  /**
   * The parts of {@code scheme://authority target}, as {@link #parse} gives them for that text, without building it
   * when the parts have the common shape: what a server reads off the wire (the connection's scheme, the
   * {@code Host} header, an origin-form request target).
   *
   * @param scheme {@code http} or {@code https}, lower case
   * @param authority host and optional port, e.g. {@code gw.example:8443}
   * @param target the request target, e.g. {@code /orders/42?x=1}
   */
  public static HttpUrl of(String scheme, String authority, String target) {
    HttpUrl fast = ("http".equals(scheme) || "https".equals(scheme)) && target.startsWith("/")
        ? split(scheme, authority, 0, authority.length(), target, 0) : null;
    return fast != null ? fast : parse(scheme + "://" + authority + target);
  }

  private static HttpUrl parseCommon(String s) {
    String scheme;
    int i;
    if (s.startsWith("http://") || s.regionMatches(true, 0, "http://", 0, 7)) { // lower case first: cheaper
      scheme = "http";
      i = 7;
    } else if (s.startsWith("https://") || s.regionMatches(true, 0, "https://", 0, 8)) {
      scheme = "https";
      i = 8;
    } else {
      return null;
    }
    int n = s.length();
    int authorityEnd = i;
    while (authorityEnd < n && s.charAt(authorityEnd) != '/' && s.charAt(authorityEnd) != '?') {
      authorityEnd++;
    }
    return split(scheme, s, i, authorityEnd, s, authorityEnd);
  }

  /**
   * The URL whose authority is {@code a[i, n)} and whose path and query follow at {@code t[j, ...)} (empty, or
   * starting with {@code /} or {@code ?}); or null unless both have the common shape.
   */
  private static HttpUrl split(String scheme, String a, int i, int n, String t, int j) {
    int hostStart = i;
    // One pass over the host, keeping only hosts java.net.URI certainly reads as server names (isLabel).
    int labelStart = i;
    int labels = 0;
    int octet = 0;
    boolean digitsOnly = true;
    boolean octets = true;
    for (; i < n; i++) {
      char c = a.charAt(i);
      if (c >= 128 || !HOST[c]) {
        break;
      }
      if (c == '.') {
        if (!isLabel(a, labelStart, i)) {
          return null;
        }
        octets &= i - labelStart <= 3 && octet <= 255;
        labels++;
        labelStart = i + 1;
        octet = 0;
      } else if (c >= '0' && c <= '9') {
        octet = octet <= 255 ? octet * 10 + (c - '0') : octet;
      } else {
        digitsOnly = false;
      }
    }
    int hostEnd = i;
    if (!isLabel(a, labelStart, hostEnd)) {
      return null;
    }
    char first = a.charAt(labelStart);
    boolean plainHost = first >= 'A' // a letter: the host chars are letters, digits, '-' and '.'
        || digitsOnly && labels == 3 && octets && hostEnd - labelStart <= 3 && octet <= 255; // 3 dots, 4 octets
    if (!plainHost) {
      return null;
    }
    int port = -1;
    if (i < n && a.charAt(i) == ':') {
      int portStart = ++i;
      while (i < n && a.charAt(i) >= '0' && a.charAt(i) <= '9') {
        i++;
      }
      if (i - portStart > 5) {
        return null;
      }
      port = i == portStart ? -1 : Integer.parseInt(a, portStart, i, 10);
    }
    if (i < n) {
      return null; // user info, IPv6, an odd character: leave it to java.net.URI
    }
    String host = hostStart == 0 && hostEnd == a.length() ? a : a.substring(hostStart, hostEnd);
    int m = t.length();
    int pathStart = j;
    while (j < m && t.charAt(j) != '?') {
      if (!plain(t, j, false)) {
        return null;
      }
      j += t.charAt(j) == '%' ? 3 : 1;
    }
    String path = pathStart == 0 && j == m ? t : t.substring(pathStart, j);
    String query = null;
    if (j < m) {
      int queryStart = ++j;
      while (j < m) {
        if (!plain(t, j, true)) {
          return null;
        }
        j += t.charAt(j) == '%' ? 3 : 1;
      }
      query = t.substring(queryStart);
    }
    return new HttpUrl(scheme, host, port, path, query);
  }

  /** Whether the character at {@code i} is one java.net.URI takes as it is, or a well-formed escape. */
  private static boolean plain(String s, int i, boolean query) {
    char c = s.charAt(i);
    if (c == '%') {
      return i + 2 < s.length() && hex(s.charAt(i + 1)) && hex(s.charAt(i + 2));
    }
    return c < 128 && (PATH[c] || query && c == '?');
  }

  private static boolean hex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  /**
   * Whether {@code s[start, end)} is a label of a host java.net.URI certainly reads as a server name: not empty,
   * not starting or ending with a hyphen. Such a host is dot-separated labels whose last one starts with a letter,
   * or four decimal octets.
   */
  private static boolean isLabel(String s, int start, int end) {
    return end > start && s.charAt(start) != '-' && s.charAt(end - 1) != '-';
  }

  private static HttpUrl parseWithUri(String s) {
    try {
      URI uri = new URI(s);
      String scheme = uri.getScheme();
      if (scheme == null || uri.getHost() == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
        return null;
      }
      return new HttpUrl(scheme.toLowerCase(Locale.ROOT), uri.getHost(), uri.getPort(),
          uri.getRawPath() == null ? "" : uri.getRawPath(), uri.getRawQuery());
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
