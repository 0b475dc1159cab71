package io.gatehouse.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Netty's leak detector at PARANOID level, recording leaks instead of logging them. Install it in a static
 * initializer of every test class, before Netty allocates a buffer.
 */
final class LeakRecorder {
  private static final List<String> LEAKS = new CopyOnWriteArrayList<>();
  private static boolean installed;

  private LeakRecorder() {}

  static synchronized void install() {
    if (installed) {
      return;
    }
    installed = true;
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new ResourceLeakDetectorFactory() {
      @Override
      @SuppressWarnings("deprecation")
      public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
          long maxActive) {
        return new ResourceLeakDetector<T>(resource, samplingInterval) {
          @Override
          protected void reportTracedLeak(String type, String records) {
            LEAKS.add(type + records);
          }

          @Override
          protected void reportUntracedLeak(String type) {
            LEAKS.add(type);
          }

          @Override
          protected boolean needReport() {
            return true;
          }
        };
      }
    });
  }

  /** Collects garbage and lets the detectors report (they do so when tracking a new buffer); returns the leaks. */
  static List<String> collect() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(40);
      ByteBuf pooled = PooledByteBufAllocator.DEFAULT.directBuffer(16);
      pooled.release();
      ByteBuf heap = PooledByteBufAllocator.DEFAULT.heapBuffer(16);
      heap.release();
      ByteBuf unpooled = Unpooled.directBuffer(16);
      unpooled.release();
      ByteBuf unpooledHeap = Unpooled.buffer(16);
      unpooledHeap.release();
    }
    List<String> found = new ArrayList<>(LEAKS);
    LEAKS.clear();
    return found;
  }

  static void assertNoLeaks() throws InterruptedException {
    assertThat(collect()).as("leaked ByteBufs").isEmpty();
  }
}
