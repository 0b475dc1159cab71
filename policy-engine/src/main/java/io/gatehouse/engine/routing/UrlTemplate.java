package io.gatehouse.engine.routing;

import io.gatehouse.engine.context.UrlCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An operation URL template compiled once: {@code /orders/{id}/lines/*?expand={what}}.
 *
 * <p>Path segments are literals (compared case-insensitively after percent-decoding), whole-segment parameters
 * ({@code {id}}, any non-empty segment) or mixed segments ({@code {name}.{ext}}, matched with a precompiled
 * pattern). A trailing {@code /*} matches zero or more further segments. A query part requires each named
 * parameter to be present: {@code a={b}} binds {@code b}, {@code a=x} requires the value {@code x}, {@code a}
 * requires only presence. Malformed templates (rejected by the configuration builder) degrade to literals.
 */
final class UrlTemplate {
  /** Segment kinds in precedence order: literal beats mixed beats parameter. */
  enum Kind { LITERAL, MIXED, PARAM }

  private record Segment(Kind kind, String literal, String param, Pattern pattern, List<String> groupNames) {}

  private record QueryPart(String name, String param, String literal) {}

  private final List<Segment> segments = new ArrayList<>();
  private final List<QueryPart> queryParts = new ArrayList<>();
  private final boolean wildcard;
  private final boolean hasParameters;

  UrlTemplate(String template) {
    int q = template.indexOf('?');
    String path = q < 0 ? template : template.substring(0, q);
    List<String> parts = new ArrayList<>(List.of(path.replaceFirst("^/", "").split("/", -1)));
    if (parts.size() == 1 && parts.get(0).isEmpty()) {
      parts.clear();
    }
    if (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
      parts.remove(parts.size() - 1);
    }
    boolean star = !parts.isEmpty() && parts.get(parts.size() - 1).equals("*");
    if (star) {
      parts.remove(parts.size() - 1);
    }
    wildcard = star;
    parts.forEach(p -> segments.add(compile(p)));
    if (q >= 0) {
      for (String pair : template.substring(q + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? null : pair.substring(eq + 1);
        boolean isParam = value != null && value.length() > 2 && value.startsWith("{") && value.endsWith("}");
        queryParts.add(new QueryPart(name, isParam ? value.substring(1, value.length() - 1) : null,
            isParam ? null : value));
      }
    }
    hasParameters = segments.stream().anyMatch(s -> s.kind() != Kind.LITERAL)
        || queryParts.stream().anyMatch(p -> p.param() != null);
  }

  /** Whether a match binds parameters (else {@link #match} never writes to its map). */
  boolean hasParameters() {
    return hasParameters;
  }

  private static Segment compile(String text) {
    if (text.length() > 2 && text.startsWith("{") && text.endsWith("}") && text.indexOf('{', 1) < 0) {
      return new Segment(Kind.PARAM, null, text.substring(1, text.length() - 1), null, List.of());
    }
    int open = text.indexOf('{');
    int close = open < 0 ? -1 : text.indexOf('}', open);
    if (open < 0 || close < 0) {
      return new Segment(Kind.LITERAL, UrlCodec.decode(text, false).toLowerCase(Locale.ROOT), null, null, List.of());
    }
    StringBuilder regex = new StringBuilder();
    List<String> names = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int o = text.indexOf('{', i);
      int c = o < 0 ? -1 : text.indexOf('}', o);
      if (o < 0 || c < 0) {
        regex.append(Pattern.quote(UrlCodec.decode(text.substring(i), false)));
        break;
      }
      if (o > i) {
        regex.append(Pattern.quote(UrlCodec.decode(text.substring(i, o), false)));
      }
      regex.append("(.+?)");
      names.add(text.substring(o + 1, c));
      i = c + 1;
    }
    Pattern pattern = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
        | Pattern.DOTALL);
    return new Segment(Kind.MIXED, null, null, pattern, List.copyOf(names));
  }

  /**
   * Matches the request's segments from {@code from} on and its query; on success puts the parameters into
   * {@code out} and returns true.
   */
  boolean match(RequestTarget request, int from, Map<String, String> out) {
    int available = request.matchLength() - from;
    if (available < segments.size() || (!wildcard && available != segments.size())) {
      return false;
    }
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      switch (s.kind()) {
        case LITERAL -> {
          if (!request.segmentEquals(from + i, s.literal())) {
            return false;
          }
        }
        case PARAM -> {
          if (request.segmentEmpty(from + i)) {
            return false;
          }
          out.put(s.param(), request.decoded(from + i));
        }
        case MIXED -> {
          Matcher m = s.pattern().matcher(request.decoded(from + i));
          if (!m.matches()) {
            return false;
          }
          for (int g = 0; g < s.groupNames().size(); g++) {
            out.put(s.groupNames().get(g), m.group(g + 1));
          }
        }
        default -> throw new IllegalStateException();
      }
    }
    for (int i = 0; i < queryParts.size(); i++) {
      QueryPart part = queryParts.get(i);
      String value = request.queryValue(part.name());
      if (value == null || (part.literal() != null && !part.literal().equals(value))) {
        return false;
      }
      if (part.param() != null) {
        out.put(part.param(), value);
      }
    }
    return true;
  }

  /**
   * Precedence between two templates matching the same request: segment by segment from the left, literal beats
   * mixed beats parameter; then a template without {@code /*} beats one with it; then more query conditions win.
   * Negative when this one is more specific; 0 lets declaration order decide.
   */
  int compareSpecificity(UrlTemplate other) {
    int common = Math.min(segments.size(), other.segments.size());
    for (int i = 0; i < common; i++) {
      int c = segments.get(i).kind().compareTo(other.segments.get(i).kind());
      if (c != 0) {
        return c;
      }
    }
    if (wildcard != other.wildcard) {
      return wildcard ? 1 : -1;
    }
    if (segments.size() != other.segments.size()) {
      return Integer.compare(other.segments.size(), segments.size());
    }
    return Integer.compare(other.queryParts.size(), queryParts.size());
  }
}
