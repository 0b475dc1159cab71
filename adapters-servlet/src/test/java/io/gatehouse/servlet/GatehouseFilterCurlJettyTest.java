package io.gatehouse.servlet;

/** {@link GatehouseFilterCurlContract} on Jetty 12 (ee10). */
class GatehouseFilterCurlJettyTest extends GatehouseFilterCurlContract {
  @Override
  ServletApp start(GatehouseFilter filter, boolean asyncSupported) throws Exception {
    return JettyApp.start(filter, asyncSupported);
  }
}
