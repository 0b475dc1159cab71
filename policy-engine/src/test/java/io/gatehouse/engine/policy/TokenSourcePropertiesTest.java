package io.gatehouse.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link TokenSource} finds a header's token in place; these properties hold it to the stripped substrings it
 * took before.
 */
class TokenSourcePropertiesTest {
  @Provide
  Arbitrary<String> headers() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("BbEeAaRrSsXx .\t\u2003\u00a0\u0130").ofMaxLength(14),
        Arbitraries.strings().withChars("ey.J ").ofMaxLength(6).map(s -> " Bearer " + s),
        Arbitraries.strings().withChars("ey.J \t").ofMaxLength(6).map(s -> "bEARER" + s));
  }

  @Provide
  Arbitrary<String> schemes() {
    return Arbitraries.of("Bearer", "bearer", "X", "Bearer ", "\u0130");
  }

  @Property(tries = 3000)
  void bearerSpanIsTheOldStrippedSubstring(@ForAll("headers") String header) {
    assertThat(text(TokenSource.afterBearer(header))).isEqualTo(oldBearer(header));
  }

  @Property(tries = 3000)
  void schemeSpanIsTheOldStrippedSubstring(@ForAll("headers") String header, @ForAll("schemes") String scheme) {
    assertThat(text(TokenSource.afterScheme(header, scheme))).isEqualTo(oldScheme(header, scheme));
  }

  @Example
  void aBearerTokenIsFoundInPlace() {
    String header = "  Bearer  abc.def.ghi \t";
    TokenSpan span = TokenSource.afterBearer(header);
    assertThat(span.text()).isSameAs(header);
    assertThat(span.toString()).isEqualTo("abc.def.ghi");
    assertThat(text(TokenSource.afterBearer("Bearer   "))).isEqualTo("Bearer"); // stripped first, as before
    assertThat(TokenSource.afterBearer(" \t ")).isNull();
    assertThat(TokenSource.afterScheme("Basic abc", "Bearer")).isNull();
  }

  private static String text(TokenSpan span) {
    return span == null ? null : span.toString();
  }

  // What TokenSource did before it read tokens in place: strip, cut the scheme off, strip, empty means absent.
  private static String oldBearer(String header) {
    String h = header.strip();
    return present(h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7) : h);
  }

  private static String oldScheme(String header, String scheme) {
    String h = header.strip();
    int n = scheme.length();
    if (h.length() > n && h.regionMatches(true, 0, scheme, 0, n) && h.charAt(n) == ' ') {
      return present(h.substring(n + 1));
    }
    return null;
  }

  private static String present(String token) {
    String t = token.strip();
    return t.isEmpty() ? null : t;
  }
}
