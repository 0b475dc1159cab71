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
  TokenSpan extract(Exchange exchange) {
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
        return scheme != null && !scheme.isEmpty() ? afterScheme(token, scheme) : afterBearer(token);
      }
    }
    return token == null ? null : TokenSpan.stripped(token, 0, token.length());
  }

  /** {@code <scheme> <token>} after stripping the header value, or null. */
  static TokenSpan afterScheme(String header, String scheme) {
    int begin = TokenSpan.skipWhitespace(header, 0, header.length());
    int end = TokenSpan.trimEnd(header, begin, header.length());
    int n = scheme.length();
    if (end - begin > n && header.regionMatches(true, begin, scheme, 0, n) && header.charAt(begin + n) == ' ') {
      return TokenSpan.stripped(header, begin + n + 1, end);
    }
    return null;
  }

  /** The stripped header value, without a leading {@code Bearer } (any case). */
  static TokenSpan afterBearer(String header) {
    int begin = TokenSpan.skipWhitespace(header, 0, header.length());
    int end = TokenSpan.trimEnd(header, begin, header.length());
    if (end - begin >= 7 && header.regionMatches(true, begin, "Bearer ", 0, 7)) {
      begin += 7;
    }
    return TokenSpan.stripped(header, begin, end);
  }
}
