package io.gatehouse.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuickstartOptionsTest {
  @Test
  void defaultsToPort8080AndAFreeBackendPort() {
    assertThat(QuickstartOptions.parse(List.of())).isEqualTo(new QuickstartOptions(8080, 0, null));
  }

  @Test
  void acceptsFlagsWithSpaceOrEqualsAndABarePort() {
    assertThat(QuickstartOptions.parse(List.of("--port", "9090", "--backend-port=5080", "--tree", "my-tree")))
        .isEqualTo(new QuickstartOptions(9090, 5080, Path.of("my-tree")));
    assertThat(QuickstartOptions.parse(List.of("7070")).port()).isEqualTo(7070);
    assertThat(QuickstartOptions.parse(List.of("--port=0")).port()).isZero();
  }

  @Test
  void rejectsUnknownArgumentsMissingValuesAndBadPorts() {
    assertThatThrownBy(() -> QuickstartOptions.parse(List.of("--verbose")))
        .hasMessage("unknown argument '--verbose'");
    assertThatThrownBy(() -> QuickstartOptions.parse(List.of("--port"))).hasMessage("--port needs a value");
    assertThatThrownBy(() -> QuickstartOptions.parse(List.of("--port", "http")))
        .hasMessage("'http' is not a port number");
    assertThatThrownBy(() -> QuickstartOptions.parse(List.of("--port", "70000")))
        .hasMessage("port must be between 0 and 65535, got 70000");
  }
}
