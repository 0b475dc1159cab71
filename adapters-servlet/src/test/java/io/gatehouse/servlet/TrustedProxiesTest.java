package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
  private static final TrustedProxies PROXIES = TrustedProxies.of(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8"));

  @Test
  void withoutProxiesTheRemoteAddressIsTheClient() {
    assertThat(TrustedProxies.NONE.clientIp("10.1.2.3", List.of("203.0.113.9"))).isEqualTo("10.1.2.3");
  }

  @Test
  void forwardedForIsBelievedOnlyFromATrustedProxy() {
    assertThat(PROXIES.clientIp("10.1.2.3", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
    assertThat(PROXIES.clientIp("198.51.100.1", List.of("203.0.113.9"))).isEqualTo("198.51.100.1");
    assertThat(PROXIES.clientIp("192.168.1.7", List.of())).isEqualTo("192.168.1.7");
  }

  @Test
  void theWalkSkipsTrustedHopsFromTheRightAndStopsAtTheFirstUntrustedOne() {
    assertThat(PROXIES.clientIp("10.0.0.1", List.of("1.1.1.1, 203.0.113.9, 10.9.9.9"))).isEqualTo("203.0.113.9");
    assertThat(PROXIES.clientIp("10.0.0.1", List.of("1.1.1.1", "192.168.1.7"))).isEqualTo("1.1.1.1");
    assertThat(PROXIES.clientIp("fd12::1", List.of("2001:db8::5"))).isEqualTo("2001:db8::5");
  }

  @Test
  void aMalformedHopStopsTheWalkAtTheLastTrustedAddress() {
    assertThat(PROXIES.clientIp("10.0.0.1", List.of("evil.example, 10.2.2.2"))).isEqualTo("10.2.2.2");
    assertThat(PROXIES.clientIp("10.0.0.1", List.of("999.1.1.1"))).isEqualTo("10.0.0.1");
  }

  @Test
  void rangesAreMatchedByPrefixAndFamily() {
    assertThat(PROXIES.trusts("10.255.0.1")).isTrue();
    assertThat(PROXIES.trusts("11.0.0.1")).isFalse();
    assertThat(PROXIES.trusts("192.168.1.8")).isFalse();
    assertThat(PROXIES.trusts("::ffff:10.0.0.1")).isTrue();
    assertThat(TrustedProxies.of(List.of("172.16.0.0/12")).trusts("172.31.255.255")).isTrue();
    assertThat(TrustedProxies.of(List.of("172.16.0.0/12")).trusts("172.32.0.0")).isFalse();
  }

  @Test
  void badEntriesAreRefused() {
    assertThatThrownBy(() -> TrustedProxies.of(List.of("proxy.example"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
  }
}
