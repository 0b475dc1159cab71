package io.gatehouse.engine.expr.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CsWebEncodingTest {
  @Test
  void escapeVsUrlEncode() {
    assertThat(CsUri.escapeDataString("a b/c?d=é") + "|" + CsWebUtility.urlEncode("a b/c?d=é"))
        .isEqualTo("a%20b%2Fc%3Fd%3D%C3%A9|a+b%2Fc%3Fd%3D%C3%A9"); // V40
    assertThat(CsUri.escapeDataString("-._~!*()'")).isEqualTo("-._~%21%2A%28%29%27");
    assertThat(CsWebUtility.urlEncode("-._~!*()'")).isEqualTo("-._%7E!*()%27");
    assertThat(CsUri.unescapeDataString("a%20b+c%zz%C3%A9")).isEqualTo("a b+c%zzé");
    assertThat(CsUri.unescapeDataString("%FF")).isEqualTo("%FF");
    assertThat(CsWebUtility.urlDecode("a+b%2Fc%3Fd%3D%C3%A9")).isEqualTo("a b/c?d=é");
    assertThat(CsWebUtility.urlEncode(null)).isNull();
  }

  @Test
  void html() {
    assertThat(CsWebUtility.htmlEncode("<a href=\"x\">'&'</a> é")).isEqualTo(
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; &#233;");
    assertThat(CsWebUtility.htmlDecode("&lt;b&gt; &amp;amp; &#39; &#x41; &eacute; &bogus;")).isEqualTo(
        "<b> &amp; ' A é &bogus;");
  }

  @Test
  void encodings() {
    assertThat(CsEncoding.UTF8.getBytes("é")).containsExactly(0xC3, 0xA9);
    assertThat(CsEncoding.UNICODE.getBytes("A")).containsExactly(0x41, 0x00);
    assertThat(CsEncoding.ASCII.getBytes("é")).containsExactly('?');
    assertThat(CsEncoding.UTF8.getString(new byte[] {(byte) 0xFF, 0x41})).isEqualTo("\ufffdA");
    assertThat(CsEncoding.ASCII.getString(new byte[] {(byte) 0xC3, 0x41})).isEqualTo("?A");
  }

  @Property(tries = 500)
  void escapeRoundTrips(@ForAll String s) {
    if (s.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF)) {
      assertThat(CsUri.unescapeDataString(CsUri.escapeDataString(s))).isEqualTo(s);
      assertThat(CsWebUtility.urlDecode(CsWebUtility.urlEncode(s))).isEqualTo(s);
    }
  }
}
