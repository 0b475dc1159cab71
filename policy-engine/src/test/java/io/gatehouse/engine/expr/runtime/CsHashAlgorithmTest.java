package io.gatehouse.engine.expr.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsHashAlgorithmTest {
  @Test
  void hmacVector() {
    CsHashAlgorithm h = CsHashAlgorithm.hmac("HMACSHA256", CsEncoding.UTF8.getBytes("key"));
    assertThat(CsConvert.toBase64String(h.computeHash(
        CsEncoding.UTF8.getBytes("The quick brown fox jumps over the lazy dog"))))
        .isEqualTo("97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=");
  }

  @Test
  void digests() {
    assertThat(CsBitConverter.toString(CsHashAlgorithm.create("MD5").computeHash(CsEncoding.UTF8.getBytes(""))))
        .isEqualTo("D4-1D-8C-D9-8F-00-B2-04-E9-80-09-98-EC-F8-42-7E");
    assertThat(CsHashAlgorithm.create("SHA256").hashSize()).isEqualTo(256);
    assertThat(CsHashAlgorithm.hmac("HMACSHA1", new byte[0]).computeHash(new byte[0])).hasSize(20);
  }

  @Test
  void stringBuilderAndRandom() {
    CsStringBuilder sb = new CsStringBuilder().append(1.0).append(true).appendLine("x").appendFormat("{0:00}", 5);
    assertThat(sb.toString()).isEqualTo("1Truex\r\n05");
    assertThat(sb.length()).isEqualTo(10);
    CsRandom r = new CsRandom(42);
    for (int i = 0; i < 100; i++) {
      assertThat(r.next(3, 7)).isBetween(3, 6);
    }
  }
}
