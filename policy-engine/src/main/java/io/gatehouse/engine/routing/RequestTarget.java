package io.gatehouse.engine.routing;

import io.gatehouse.engine.context.UrlCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request path seen as segments (the parts between {@code /}, without the leading one), plus the decoded query.
 *
 * <p>Routing runs on every request, so the path is not split into strings: only the separators' positions are
 * recorded, a literal is compared in place (ASCII case-insensitively when the segment has neither escapes nor
 * non-ASCII characters, which then decode and lower-case to themselves), and a segment is decoded only when a
 * parameter takes its value. The query is parsed on first use (version conditions, query templates).
 */
final class RequestTarget {
  private final String path;
  // segment i is path[separators[i] + 1, separators[i + 1]); separators[0] is -1 when the path has no leading /
  private final int[] separators;
  private final int segments;
  private final String rawQuery;
  private Map<String, List<String>> query;

  RequestTarget(String rawPath, String rawQuery) {
    this.path = rawPath == null ? "" : rawPath;
    this.rawQuery = rawQuery;
    String p = path;
    if (p.isEmpty() || p.equals("/")) {
      this.separators = new int[] {0}; // no segment
      this.segments = 0;
      return;
    }
    // one pass: the positions go into a small array, grown for long paths
    int[] positions = new int[8];
    positions[0] = p.charAt(0) == '/' ? 0 : -1;
    int count = 1;
    for (int i = positions[0] + 1, n = p.length(); i < n; i++) {
      if (p.charAt(i) == '/') {
        if (count == positions.length - 1) {
          positions = java.util.Arrays.copyOf(positions, positions.length * 2);
        }
        positions[count++] = i;
      }
    }
    positions[count] = p.length();
    this.separators = positions;
    this.segments = count;
  }

  /** Number of segments. */
  int segmentCount() {
    return segments;
  }

  /**
   * Whether segment {@code i}, percent-decoded and lower-cased ({@link Locale#ROOT}), equals {@code lowerCase}.
   */
  boolean segmentEquals(int i, String lowerCase) {
    int start = separators[i] + 1;
    int end = separators[i + 1];
    for (int k = start; k < end; k++) {
      char c = path.charAt(k);
      if (c == '%' || c >= 0x80) {
        return UrlCodec.decode(path.substring(start, end), false).toLowerCase(Locale.ROOT).equals(lowerCase);
      }
    }
    if (end - start != lowerCase.length()) {
      return false;
    }
    for (int k = start; k < end; k++) {
      char c = path.charAt(k);
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      if (c != lowerCase.charAt(k - start)) {
        return false;
      }
    }
    return true;
  }

  /** Whether segment {@code i} is empty. */
  boolean segmentEmpty(int i) {
    return separators[i] + 1 == separators[i + 1];
  }

  /** Segment {@code i}, percent-decoded. */
  String decoded(int i) {
    return UrlCodec.decode(path.substring(separators[i] + 1, separators[i + 1]), false);
  }

  /** The first value of a query parameter (names case-sensitive), or null. */
  String queryValue(String name) {
    if (query == null) {
      query = parseQuery(rawQuery);
    }
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static Map<String, List<String>> parseQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = UrlCodec.decode(eq < 0 ? pair : pair.substring(0, eq), true);
      String value = eq < 0 ? "" : UrlCodec.decode(pair.substring(eq + 1), true);
      query.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
    }
    return query;
  }

  /** The raw path from segment {@code from} on, with its leading {@code /}; empty when nothing is left. */
  String rawPathFrom(int from) {
    if (from >= segmentCount()) {
      return "";
    }
    int separator = separators[from];
    return separator < 0 ? "/" + path : path.substring(separator);
  }

  /** Segment count used for operation matching: one trailing empty segment ({@code /items/}) is ignored. */
  int matchLength() {
    int n = segmentCount();
    return n > 0 && segmentEmpty(n - 1) ? n - 1 : n;
  }
}
