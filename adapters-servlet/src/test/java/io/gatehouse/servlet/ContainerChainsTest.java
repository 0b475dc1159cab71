package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.util.ServerInfo;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

/**
 * Which containers the filter trusts to keep a filter chain valid after doFilter returns: Jetty (the asynchronous
 * request-body read and the asynchronous call of the application are used there), not Tomcat or an unknown one.
 */
class ContainerChainsTest {
  @Test
  void jettyKeepsItsChains() {
    ServletContextHandler context = new ServletContextHandler();
    new Server().setHandler(context);
    String info = context.getServletContext().getServerInfo();
    assertThat(info).startsWith("jetty/");
    assertThat(GatehouseFilter.keepsChains(info)).isTrue();
  }

  @Test
  void tomcatAndUnknownContainersDoNot() {
    assertThat(ServerInfo.getServerInfo()).startsWith("Apache Tomcat/10.1");
    assertThat(GatehouseFilter.keepsChains(ServerInfo.getServerInfo())).isFalse();
    assertThat(GatehouseFilter.keepsChains("Undertow - 2.3")).isFalse();
    assertThat(GatehouseFilter.keepsChains(null)).isFalse();
  }
}
