package io.gatehouse.servlet;

/** {@link GatehouseFilterStreamingContract} on Tomcat 10.1 (Servlet 6.0). */
class GatehouseFilterStreamingTomcatTest extends GatehouseFilterStreamingContract {
  @Override
  ServletApp start(GatehouseFilter filter, boolean asyncSupported) throws Exception {
    return TomcatApp.start(filter, asyncSupported);
  }
}
