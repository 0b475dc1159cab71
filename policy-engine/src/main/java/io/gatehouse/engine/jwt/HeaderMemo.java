package io.gatehouse.engine.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.util.Base64URL;
import java.text.ParseException;

/**
 * Parsed JOSE headers by their exact Base64URL text. An issuer's tokens share a handful of headers, so parsing each
 * once saves most of a token's parse cost. Parsing is a pure function of the text and headers are immutable, so a
 * hit is exactly what a fresh parse would give. Bounded in entries and in the length of a remembered header;
 * failures are not remembered.
 */
final class HeaderMemo {
  /** DECISION: headers longer than this are parsed every time (real ones are well under 200 characters). */
  static final int MAX_CHARS = 512;
  static final int MAX_ENTRIES = 256;

  private final Cache<String, Header> headers = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

  /**
   * The parsed header.
   *
   * @throws TokenRejection {@code JwtInvalid} when the text is not a JOSE header
   */
  Header parse(String part) {
    boolean memo = part.length() <= MAX_CHARS;
    Header h = memo ? headers.getIfPresent(part) : null;
    if (h == null) {
      try {
        h = Header.parse(new Base64URL(part));
      } catch (ParseException | RuntimeException e) {
        throw TokenRejection.invalid("JWT is not well formed.");
      }
      if (memo) {
        headers.put(part, h);
      }
    }
    return h;
  }
}
