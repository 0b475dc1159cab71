package io.gatehouse.servlet;

/** {@link GatehouseFilterHttpClientContract} on Tomcat 10.1 (Servlet 6.0). */
class GatehouseFilterHttpClientTomcatTest extends GatehouseFilterHttpClientContract {
  @Override
  ServletApp start(GatehouseFilter filter, boolean asyncSupported) throws Exception {
    return TomcatApp.start(filter, asyncSupported);
  }
}
