package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.util.ServerInfo;
import org.junit.jupiter.api.Test;

/**
 * {@link GatehouseFilterHttpClientContract} on Tomcat: 10.1 (Servlet 6.0) in the default test run, 11 (Servlet 6.1)
 * in the {@code servlet-6.1} run of this module's build.
 */
class GatehouseFilterHttpClientTomcatTest extends GatehouseFilterHttpClientContract {
  @Override
  ServletApp start(GatehouseFilter filter, boolean asyncSupported) throws Exception {
    return TomcatApp.start(filter, asyncSupported);
  }

  @Test
  void runsOnTheTomcatThisRunIsFor() {
    assertThat(ServerInfo.getServerNumber())
        .startsWith(System.getProperty("gatehouse.expectedTomcat", "10.1") + ".");
  }
}
