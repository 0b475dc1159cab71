package io.gatehouse.servlet;

import jakarta.servlet.AsyncContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Runs work for one request on a container thread. Once the filter has started the container's asynchronous cycle,
 * work goes through {@link AsyncContext#start}; before that it waits in a queue, drained either when the cycle
 * starts ({@link #attach}) or, for a chain that does not support async, by the filter's own thread ({@link
 * #runUntil}). The queue is created on first use: most requests never need it.
 */
final class ContainerThreads implements Executor {
  private LinkedBlockingQueue<Runnable> queue; // guarded by this
  private AsyncContext context; // guarded by this

  @Override
  public void execute(Runnable task) {
    AsyncContext c;
    synchronized (this) {
      c = context;
      if (c == null) {
        queue().add(task);
        return;
      }
    }
    c.start(task);
  }

  private synchronized LinkedBlockingQueue<Runnable> queue() {
    if (queue == null) {
      queue = new LinkedBlockingQueue<>();
    }
    return queue;
  }

  /** From now on work runs through {@code asyncContext.start}; queued work is handed over. */
  synchronized void attach(AsyncContext asyncContext) {
    context = asyncContext;
    if (queue == null) {
      return;
    }
    for (Runnable task; (task = queue.poll()) != null; ) {
      asyncContext.start(task);
    }
  }

  /** Runs queued work on the calling (container) thread until {@code done} completes. */
  void runUntil(CompletableFuture<?> done) throws InterruptedException {
    LinkedBlockingQueue<Runnable> work = queue();
    done.whenComplete((v, e) -> work.add(() -> { }));
    while (!done.isDone()) {
      work.take().run();
    }
    for (Runnable task; (task = work.poll()) != null; ) {
      task.run();
    }
  }
}
