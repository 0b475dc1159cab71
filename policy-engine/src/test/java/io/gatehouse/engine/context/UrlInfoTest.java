package io.gatehouse.engine.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlInfoTest {
  @ParameterizedTest
  @CsvSource({"https, 443", "http, 80", "HTTPS, 443", "HtTpS, 443", "HTTP, 80", "ftp, 80", "httpss, 80", "'', 80"})
  void defaultPortIgnoresTheSchemesCase(String scheme, int port) {
    assertThat(UrlInfo.defaultPort(scheme)).isEqualTo(port);
  }
}
