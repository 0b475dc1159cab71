package io.gatehouse.engine.policy;

import io.gatehouse.engine.pipeline.Exchange;
import java.util.List;

/**
 * Where {@code validate-jwt} and {@code validate-azure-ad-token} find the token: a header, a query parameter or a
 * {@code token-value}. {@code require-scheme} applies to the {@code Authorization} header only: its value must be
 * {@code <scheme> <token>} (scheme compared case-insensitively), otherwise the token counts as not present.
 * DECISION: without {@code require-scheme}, a leading {@code Bearer } (any case) is stripped from header values.
 */
final class TokenSource {
  private final Value<String> header;
  private final Value<String> query;
  private final Value<String> value;
  private final Value<String> requireScheme;

  TokenSource(Value<String> header, Value<String> query, Value<String> value, Value<String> requireScheme) {
    this.header = header;
    this.query = query;
    this.value = value;
    this.requireScheme = requireScheme;
  }

  /** The token, or null when not present. */
  String extract(Exchange exchange) {
    String token;
    if (value != null) {
      token = value.get(exchange);
    } else if (query != null) {
      List<String> values = exchange.request().url().query().get(query.get(exchange));
      token = values == null || values.isEmpty() ? null : values.get(0);
    } else {
      String name = header.get(exchange);
      token = name == null ? null : exchange.request().headers().first(name);
      if (token != null) {
        String scheme = name.equalsIgnoreCase("Authorization") && requireScheme != null
            ? requireScheme.get(exchange) : null;
        token = scheme != null && !scheme.isEmpty() ? afterScheme(token.strip(), scheme) : stripBearer(token);
      }
    }
    if (token == null) {
      return null;
    }
    token = token.strip();
    return token.isEmpty() ? null : token;
  }

  private static String afterScheme(String header, String scheme) {
    int n = scheme.length();
    if (header.length() > n && header.regionMatches(true, 0, scheme, 0, n) && header.charAt(n) == ' ') {
      return header.substring(n + 1);
    }
    return null;
  }

  private static String stripBearer(String header) {
    String h = header.strip();
    return h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7) : h;
  }
}
