package io.gatehouse.cli;

import io.gatehouse.engine.Gatehouse;
import io.gatehouse.xml.PolicyLoadException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Watches an APIOps tree (every folder, new ones included) and, once changes have been quiet for
 * {@value #QUIET_MILLIS} ms, compiles the tree again: a gateway that builds replaces the current one atomically;
 * one that does not leaves the current one serving and its diagnostics are printed.
 */
final class TreeReloader implements AutoCloseable {
  static final long QUIET_MILLIS = 250;

  private final Path tree;
  private final Supplier<Gatehouse> compile;
  private final AtomicReference<Gatehouse> current;
  private final PrintStream out;
  private final PrintStream err;
  private final WatchService watcher;
  private final Thread thread;

  TreeReloader(Path tree, Supplier<Gatehouse> compile, AtomicReference<Gatehouse> current, PrintStream out,
      PrintStream err) throws IOException {
    this.tree = tree;
    this.compile = compile;
    this.current = current;
    this.out = out;
    this.err = err;
    this.watcher = FileSystems.getDefault().newWatchService();
    registerAll(tree);
    this.thread = new Thread(this::watch, "gatehouse-reload");
    thread.setDaemon(true);
    thread.start();
  }

  private void registerAll(Path root) throws IOException {
    try (Stream<Path> dirs = Files.walk(root)) {
      for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
      }
    }
  }

  private void watch() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        // debounce: an editor's save or a git checkout is many events; wait until they stop
        while (key != null) {
          drain(key);
          key = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
        }
        reload();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed: stop watching
    }
  }

  private void drain(WatchKey key) {
    Path dir = (Path) key.watchable();
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
        Path created = dir.resolve((Path) event.context());
        if (Files.isDirectory(created)) {
          try {
            registerAll(created);
          } catch (IOException e) {
            err.println("gatehouse-cli: cannot watch " + created + ": " + e.getMessage());
          }
        }
      }
    }
    key.reset();
  }

  /** Compiles the tree and swaps it in, or keeps the current gateway and prints why not. */
  void reload() {
    try {
      current.set(compile.get());
      out.println("gatehouse-cli: reloaded " + tree);
    } catch (PolicyLoadException e) {
      err.println("gatehouse-cli: " + tree + " does not compile; still serving the previous configuration:");
      e.diagnostics().forEach(err::println);
    } catch (RuntimeException e) {
      err.println("gatehouse-cli: reloading " + tree + " failed (" + e + "); still serving the previous "
          + "configuration");
    }
  }

  @Override
  public void close() {
    try {
      watcher.close();
    } catch (IOException e) {
      // nothing left to release
    }
    thread.interrupt();
  }
}
