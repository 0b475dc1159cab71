package io.gatehouse.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

/** The leak checks of the adapter's tests can fail: a buffer that is never released is reported. */
class NettyLeakRecorderTest {
  static {
    LeakRecorder.install();
  }

  @Test
  void reportsABufferThatWasNeverReleased() throws InterruptedException {
    LeakRecorder.collect();
    leak();
    assertThat(LeakRecorder.collect()).isNotEmpty();
  }

  private static void leak() {
    ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(64);
    buffer.writeInt(42);
  }
}
