package io.gatehouse.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Command-line parsing of the samples and the {@code mint-token} command. */
class SampleOptionsTest {
  @Test
  void parsesPortsAndOrigin() {
    assertThat(SampleOptions.parse(List.of())).isEqualTo(SampleOptions.defaults());
    assertThat(SampleOptions.parse(List.of("--port", "9090", "--allowed-origin=http://127.0.0.1:5173")))
        .isEqualTo(new SampleOptions(9090, 0, "http://127.0.0.1:5173"));
    assertThat(SampleOptions.parse(List.of("0", "--backend-port=7000"))).isEqualTo(new SampleOptions(0, 7000,
        SampleOptions.DEFAULT_ORIGIN));
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> SampleOptions.parse(List.of("--port"))).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> SampleOptions.parse(List.of("--port", "70000"))).hasMessageContaining("65535");
    assertThatThrownBy(() -> SampleOptions.parse(List.of("--tls"))).hasMessageContaining("unknown argument");
    assertThatThrownBy(() -> SampleOptions.parse(List.of("--allowed-origin", "localhost:3000/app")))
        .hasMessageContaining("http://host[:port]");
  }

  @Test
  void mintTokenPrintsOnlyAThreePartToken() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SampleLauncher.mintToken(List.of("alice", "--minutes", "5"), new PrintStream(bytes, true,
        StandardCharsets.UTF_8));

    String printed = bytes.toString(StandardCharsets.UTF_8).strip();
    assertThat(printed).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
    String payload = new String(java.util.Base64.getUrlDecoder().decode(printed.split("\\.")[1]),
        StandardCharsets.UTF_8);
    assertThat(payload).contains("\"sub\":\"alice\"").contains("\"aud\":\"" + SampleTokens.AUDIENCE + "\"");
  }
}
