package io.gatehouse.servlet;

/** {@link GatehouseFilterCurlContract} on Tomcat 10.1 (Servlet 6.0). */
class GatehouseFilterCurlTomcatTest extends GatehouseFilterCurlContract {
  @Override
  ServletApp start(GatehouseFilter filter, boolean asyncSupported) throws Exception {
    return TomcatApp.start(filter, asyncSupported);
  }
}
