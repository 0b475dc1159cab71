package io.gatehouse.engine.pipeline;

import io.gatehouse.api.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a header with several values goes on the wire, as APIM does it: joined into one comma-separated line, except
 * headers whose values may themselves contain commas or that HTTP forbids to fold, which are repeated lines.
 */
public final class HeaderSerialization {
  private static final Set<String> REPEATED = Set.of("user-agent", "www-authenticate", "proxy-authenticate",
      "cookie", "set-cookie", "warning", "date", "expires", "if-modified-since", "if-unmodified-since",
      "last-modified", "retry-after");

  private HeaderSerialization() {}

  /** A copy in which every header that must not repeat has its values joined with a comma. */
  public static HttpHeaders forWire(HttpHeaders headers) {
    HttpHeaders out = new HttpHeaders();
    headers.forEach((name, values) -> {
      if (values.size() > 1 && !REPEATED.contains(name.toLowerCase(Locale.ROOT))) {
        out.set(name, List.of(String.join(",", values)));
      } else {
        out.set(name, values);
      }
    });
    return out;
  }
}
