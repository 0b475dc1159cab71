package io.gatehouse.netty;

import io.gatehouse.engine.Gatehouse;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpObjectAggregator;

/** The same contract with an {@code HttpObjectAggregator} in front: the handler takes its whole requests as they are. */
class NettyInFrontAggregatedTest extends NettyInFrontTest {
  @Override
  void addGatehouse(ChannelPipeline pipeline, Gatehouse gatehouse) {
    pipeline.addLast(new HttpObjectAggregator(MAX_REQUEST), GatehouseHandler.inFront(gatehouse));
  }

  @Override
  boolean assemblesRequests() {
    return false;
  }
}
