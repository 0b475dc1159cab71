package io.gatehouse.engine.context;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class HttpUrlTest {
  @Test
  void splitsTheCommonShapes() {
    assertThat(HttpUrl.parse("http://127.0.0.1:18180/api/hello"))
        .isEqualTo(new HttpUrl("http", "127.0.0.1", 18180, "/api/hello", null));
    assertThat(HttpUrl.parse(" HTTPS://Gw.Example/a%20b?x=1&y=%2F/?z "))
        .isEqualTo(new HttpUrl("https", "Gw.Example", -1, "/a%20b", "x=1&y=%2F/?z"));
    assertThat(HttpUrl.parse("http://h?q")).isEqualTo(new HttpUrl("http", "h", -1, "", "q"));
    assertThat(HttpUrl.parse("http://h:")).isEqualTo(new HttpUrl("http", "h", -1, "", null));
  }

  @Test
  void unusualUrlsGoThroughJavaNetUri() {
    assertThat(HttpUrl.parse("http://[::1]:8080/x#f")).isEqualTo(new HttpUrl("http", "[::1]", 8080, "/x", null));
    assertThat(HttpUrl.parse("http://user@h/x")).isEqualTo(new HttpUrl("http", "h", -1, "/x", null));
    assertThat(HttpUrl.parse("http://h/\u00e4")).isEqualTo(new HttpUrl("http", "h", -1, "/\u00e4", null));
  }

  @Test
  void refusesWhatIsNotAnAbsoluteHttpUrl() {
    assertThat(HttpUrl.parse("ftp://h/x")).isNull();
    assertThat(HttpUrl.parse("/relative")).isNull();
    assertThat(HttpUrl.parse("http://h/a b")).isNull();
    assertThat(HttpUrl.parse("http://h/%zz")).isNull();
    assertThat(HttpUrl.parse("http://bad_host/x")).isNull();
    assertThat(HttpUrl.parse(null)).isNull();
  }

  /** The direct reading never disagrees with java.net.URI: same parts, or both refuse. */
  @Property(tries = 5000)
  void agreesWithJavaNetUri(@ForAll("urls") String url) {
    HttpUrl direct = HttpUrl.parse(url);
    java.net.URI uri;
    try {
      uri = new java.net.URI(url.strip());
    } catch (java.net.URISyntaxException e) {
      assertThat(direct).as(url).isNull();
      return;
    }
    String scheme = uri.getScheme();
    if (uri.getHost() == null || scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      assertThat(direct).as(url).isNull();
      return;
    }
    assertThat(direct).as(url).isNotNull();
    assertThat(direct.host()).as(url).isEqualTo(uri.getHost());
    assertThat(direct.port()).as(url).isEqualTo(uri.getPort());
    assertThat(direct.rawPath()).as(url).isEqualTo(uri.getRawPath() == null ? "" : uri.getRawPath());
    assertThat(direct.rawQuery()).as(url).isEqualTo(uri.getRawQuery());
  }

  @Test
  void takesTheWireParts() {
    assertThat(HttpUrl.of("http", "127.0.0.1:18180", "/api/hello?x=1"))
        .isEqualTo(new HttpUrl("http", "127.0.0.1", 18180, "/api/hello", "x=1"));
    assertThat(HttpUrl.of("https", "Gw.Example", "/")).isEqualTo(new HttpUrl("https", "Gw.Example", -1, "/", null));
    assertThat(HttpUrl.of("http", "[::1]:8080", "/x")).isEqualTo(new HttpUrl("http", "[::1]", 8080, "/x", null));
    assertThat(HttpUrl.of("http", "h", "/a b")).isNull();
    assertThat(HttpUrl.of("http", "bad_host", "/x")).isNull();
  }

  /** The parts give what the text they make gives: same parts, or both refuse. */
  @Property(tries = 5000)
  void partsAgreeWithTheirText(@ForAll("schemes") String scheme, @ForAll("authorities") String authority,
      @ForAll("targets") String target) {
    assertThat(HttpUrl.of(scheme, authority, target)).as(scheme + "://" + authority + target)
        .isEqualTo(HttpUrl.parse(scheme + "://" + authority + target));
  }

  @Provide
  Arbitrary<String> schemes() {
    return Arbitraries.of("http", "https", "HTTP", "ftp");
  }

  @Provide
  Arbitrary<String> authorities() {
    Arbitrary<String> label = Arbitraries.oneOf(Arbitraries.integers().between(0, 300).map(String::valueOf),
        Arbitraries.strings().withChars("ab1-").ofMinLength(0).ofMaxLength(4));
    Arbitrary<String> host = Arbitraries.oneOf(
        Arbitraries.strings().withChars("ab1029.-_:[]@/? ").ofMinLength(0).ofMaxLength(15),
        label.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join(".", l)));
    Arbitrary<String> port = Arbitraries.oneOf(Arbitraries.just(""),
        Arbitraries.strings().withChars("0123456789a").ofMaxLength(7).map(p -> ":" + p));
    return Combinators.combine(host, port).as((h, p) -> h + p);
  }

  @Provide
  Arbitrary<String> targets() {
    Arbitrary<String> rest = Arbitraries.strings().withChars("/?#%abAF09 .~!*'();:@&=+$,[]\"<>\u00e4^`{}|\\")
        .ofMaxLength(20);
    Arbitrary<String> plain = Arbitraries.strings().withChars("/?%abAF09.~=&").ofMaxLength(20);
    return Arbitraries.oneOf(rest, rest.map(t -> "/" + t), plain.map(t -> "/" + t)); // origin-form mostly
  }

  @Provide
  Arbitrary<String> urls() {
    Arbitrary<String> label = Arbitraries.oneOf(Arbitraries.integers().between(0, 300).map(String::valueOf),
        Arbitraries.strings().withChars("ab1-").ofMinLength(0).ofMaxLength(4), Arbitraries.of("0", "00", "255"));
    Arbitrary<String> host = Arbitraries.oneOf(
        Arbitraries.strings().withChars("ab1029.-_:[]").ofMinLength(0).ofMaxLength(15),
        label.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join(".", l)));
    Arbitrary<String> port = Arbitraries.oneOf(Arbitraries.just(""),
        Arbitraries.strings().withChars("0123456789a").ofMaxLength(7).map(p -> ":" + p));
    Arbitrary<String> rest = Arbitraries.strings().withChars("/?#%abAF09 .~!*'();:@&=+$,[]\"<>\u00e4^`{}|\\")
        .ofMaxLength(20);
    Arbitrary<String> scheme = Arbitraries.of("http://", "HTTPS://", "https://", "http:/", "ftp://");
    return Combinators.combine(scheme, host, port, rest).as((s, h, p, r) -> s + h + p + r);
  }
}
