package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The captured body handed over without a copy stays as it was, whatever the application writes afterwards. */
class CapturingOutputStreamTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void aBodyWrittenAtOnceIsCapturedAsItIs() throws Exception {
    CapturingOutputStream out = new CapturingOutputStream(Runnable::run, null);
    out.write(bytes("hello"));
    assertThat(out.captured()).isEqualTo(bytes("hello"));
  }

  @Test
  void nothingWrittenIsAnEmptyBody() {
    assertThat(new CapturingOutputStream(Runnable::run, null).captured()).isEmpty();
  }

  @Test
  void laterWritesDoNotChangeAHandedOverBody() throws Exception {
    CapturingOutputStream out = new CapturingOutputStream(Runnable::run, null);
    out.write(bytes("hello"));
    byte[] first = out.captured();
    out.reset();
    out.write(bytes("HEL"));
    assertThat(first).isEqualTo(bytes("hello"));
    assertThat(out.captured()).isEqualTo(bytes("HEL"));
    out.write(bytes("LO world"));
    assertThat(first).isEqualTo(bytes("hello"));
    assertThat(out.captured()).isEqualTo(bytes("HELLO world"));
  }

  @Test
  void aPartlyFilledBufferIsCopied() throws Exception {
    CapturingOutputStream out = new CapturingOutputStream(Runnable::run, null);
    out.write(bytes("ab"));
    out.write(bytes("c"));
    byte[] captured = out.captured();
    out.reset();
    out.write(bytes("xyz"));
    assertThat(captured).isEqualTo(bytes("abc"));
  }

  @Test
  void aStreamedBodyIsNotCaptured() throws Exception {
    StreamedApplicationBody[] streamed = new StreamedApplicationBody[1];
    CapturingOutputStream out = new CapturingOutputStream(Runnable::run, body -> {
      streamed[0] = body;
      body.drop(); // decided at once: the later writes go nowhere
    });
    out.write(bytes("start"));
    out.flush(); // the commit point: from here the body streams
    assertThat(streamed[0]).isNotNull();
    assertThat(streamed[0].window()).isEqualTo(bytes("start"));
    assertThat(out.captured()).isNull();
  }
}
