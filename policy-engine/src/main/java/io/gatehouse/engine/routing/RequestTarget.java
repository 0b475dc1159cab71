package io.gatehouse.engine.routing;

import io.gatehouse.engine.context.UrlCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A request path split once into raw and decoded segments, plus the decoded query. */
final class RequestTarget {
  final List<String> raw;
  final List<String> decoded;
  final List<String> lowerDecoded;
  final Map<String, List<String>> query;

  RequestTarget(String rawPath, String rawQuery) {
    raw = split(rawPath == null ? "" : rawPath);
    decoded = new ArrayList<>(raw.size());
    lowerDecoded = new ArrayList<>(raw.size());
    for (String segment : raw) {
      String d = UrlCodec.decode(segment, false);
      decoded.add(d);
      lowerDecoded.add(d.toLowerCase(Locale.ROOT));
    }
    query = parseQuery(rawQuery);
  }

  /** Segments of the path without the leading {@code /}; {@code "/"} and {@code ""} have none. */
  private static List<String> split(String path) {
    List<String> segments = new ArrayList<>();
    if (path.isEmpty() || path.equals("/")) {
      return segments;
    }
    int start = path.startsWith("/") ? 1 : 0;
    for (int i = start; i <= path.length(); i++) {
      if (i == path.length() || path.charAt(i) == '/') {
        segments.add(path.substring(start, i));
        start = i + 1;
      }
    }
    return segments;
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

  /** The first value of a query parameter (names case-sensitive), or null. */
  String queryValue(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The raw path from segment {@code from} on, with its leading {@code /}; empty when nothing is left. */
  String rawPathFrom(int from) {
    if (from >= raw.size()) {
      return "";
    }
    return "/" + String.join("/", raw.subList(from, raw.size()));
  }

  /** Segment count used for operation matching: one trailing empty segment ({@code /items/}) is ignored. */
  int matchLength() {
    return !raw.isEmpty() && raw.get(raw.size() - 1).isEmpty() ? raw.size() - 1 : raw.size();
  }
}
