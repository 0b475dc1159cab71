package io.gatehouse.servlet;

/** {@link GatehouseFilterStreamingContract} on Jetty 12 (ee10). */
class GatehouseFilterStreamingJettyTest extends GatehouseFilterStreamingContract {
  @Override
  ServletApp start(GatehouseFilter filter, boolean asyncSupported) throws Exception {
    return JettyApp.start(filter, asyncSupported);
  }
}
