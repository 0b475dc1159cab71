package io.gatehouse.engine.pipeline;

import io.gatehouse.api.HttpHeaders;
import java.util.function.Predicate;

/**
 * How a header with several values goes on the wire, as APIM does it: joined into one comma-separated line, except
 * headers whose values may themselves contain commas or that HTTP forbids to fold, which are repeated lines.
 */
public final class HeaderSerialization {
  private static final String[] REPEATED = {"user-agent", "www-authenticate", "proxy-authenticate", "cookie",
      "set-cookie", "warning", "date", "expires", "if-modified-since", "if-unmodified-since", "last-modified",
      "retry-after"};

  private HeaderSerialization() {}

  /** A copy in which every header that must not repeat has its values joined with a comma. */
  public static HttpHeaders forWire(HttpHeaders headers) {
    return forWire(headers, name -> false);
  }

  /** Same, leaving out the headers {@code excluded} names (one copy for both jobs). */
  public static HttpHeaders forWire(HttpHeaders headers, Predicate<String> excluded) {
    // The copy shares the validated entries; only headers that change are touched (usually none).
    HttpHeaders out = headers.copy();
    for (int i = 0, n = headers.size(); i < n; i++) {
      String name = headers.name(i);
      if (excluded.test(name)) {
        out.remove(name);
      } else if (headers.values(i).size() > 1 && !HttpHeaders.isOneOf(name, REPEATED)) {
        out.set(name, String.join(",", headers.values(i)));
      }
    }
    return out;
  }
}
