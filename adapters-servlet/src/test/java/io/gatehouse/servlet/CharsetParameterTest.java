package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CharsetParameterTest {
  @Test
  void readsTheCharsetParameter() {
    assertThat(ApplicationRequest.charsetParameter(null)).isNull();
    assertThat(ApplicationRequest.charsetParameter("text/plain")).isNull();
    assertThat(ApplicationRequest.charsetParameter("text/plain;charset=utf-8")).isEqualTo("utf-8");
    assertThat(ApplicationRequest.charsetParameter("text/plain; Charset = x")).isNull();
    assertThat(ApplicationRequest.charsetParameter("text/plain; CHARSET=\"UTF-16\" ; q=1")).isEqualTo("UTF-16");
    assertThat(ApplicationRequest.charsetParameter("a/b; x=1;charset= latin1 ")).isEqualTo("latin1");
    assertThat(ApplicationRequest.charsetParameter("a/b;charset=")).isEmpty();
    assertThat(ApplicationRequest.charsetParameter("a/b;charset=\"")).isEqualTo("\"");
  }

  @Property
  void agreesWithSplittingOnSemicolons(@ForAll("contentTypes") String contentType) {
    assertThat(ApplicationRequest.charsetParameter(contentType)).isEqualTo(bySplitting(contentType));
  }

  @Provide
  Arbitrary<String> contentTypes() {
    Arbitrary<String> part = Arbitraries.oneOf(
        Arbitraries.of("text/plain", "charset=utf-8", "CharSet=\"x\"", "charset=", "charset", "q=1", "\"", "",
            " ", "\t", ";", "charset=a;b", "charset =x"),
        Arbitraries.strings().withChars(" \t;=\"charsetCHARSETx8").ofMaxLength(12));
    return part.list().ofMaxSize(6).map(parts -> String.join("", parts));
  }

  /** The definition before it scanned in place. */
  private static String bySplitting(String contentType) {
    for (String part : contentType.split(";")) {
      String p = part.strip();
      if (p.regionMatches(true, 0, "charset=", 0, 8)) {
        String value = p.substring(8).strip();
        return value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2
            ? value.substring(1, value.length() - 1) : value;
      }
    }
    return null;
  }
}
