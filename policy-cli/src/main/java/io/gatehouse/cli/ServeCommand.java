package io.gatehouse.cli;

import io.gatehouse.api.Subscription;
import io.gatehouse.api.SubscriptionStore;
import io.gatehouse.engine.Gatehouse;
import io.gatehouse.engine.subscription.InMemorySubscriptionStore;
import io.gatehouse.engine.subscription.SubscriptionFile;
import io.gatehouse.netty.NettyBackend;
import io.gatehouse.netty.NettyGateway;
import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.PolicyLoadException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * {@code serve TREE --port N [--address A] [--subscriptions FILE]}: the Netty gateway on 127.0.0.1 (or the given
 * address) proxying to the tree's serviceUrls, reloading the tree when its files change. Runs until Ctrl-C, which
 * closes the server, its event loops and the backend connections. Exit 1 when the tree or the subscriptions file
 * has errors or the port cannot be bound, 2 on usage errors.
 */
final class ServeCommand {
  static final String USAGE = "usage: gatehouse-cli serve TREE --port N [--address 127.0.0.1] "
      + "[--subscriptions FILE]";

  private ServeCommand() {}

  /** A usage or startup problem, with the exit code. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final int exit;

    Failure(int exit, String message) {
      super(message);
      this.exit = exit;
    }
  }

  /** A started gateway with its reloader; closing stops everything. */
  record Running(NettyGateway gateway, NettyBackend backend, TreeReloader reloader) implements AutoCloseable {
    @Override
    public void close() {
      reloader.close();
      gateway.close();
      backend.close();
    }
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Running running;
    try {
      running = start(args, out, err);
    } catch (Failure f) {
      err.println(f.getMessage());
      return f.exit;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      out.println("gatehouse-cli: stopping");
      running.close();
    }, "gatehouse-stop"));
    running.gateway().closeFuture().awaitUninterruptibly();
    return 0;
  }

  /** Parses the arguments, compiles the tree and starts serving; prints the listening URL. */
  static Running start(String[] args, PrintStream out, PrintStream err) throws Failure {
    Path tree = null;
    Integer port = null;
    String address = "127.0.0.1";
    Path subscriptionsFile = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      boolean valued = a.equals("--port") || a.equals("--address") || a.equals("--subscriptions");
      if (valued && i + 1 >= args.length) {
        throw new Failure(2, a + " needs a value\n" + USAGE);
      }
      switch (a) {
        case "--port" -> {
          try {
            port = Integer.parseInt(args[++i]);
          } catch (NumberFormatException e) {
            throw new Failure(2, "--port must be a number\n" + USAGE);
          }
          if (port < 0 || port > 65535) {
            throw new Failure(2, "--port must be between 0 and 65535\n" + USAGE);
          }
        }
        case "--address" -> address = args[++i];
        case "--subscriptions" -> subscriptionsFile = Path.of(args[++i]);
        default -> {
          if (a.startsWith("--") || tree != null) {
            throw new Failure(2, "unexpected argument '" + a + "'\n" + USAGE);
          }
          tree = Path.of(a);
        }
      }
    }
    if (tree == null || port == null) {
      throw new Failure(2, USAGE);
    }
    if (!Files.isDirectory(tree)) {
      throw new Failure(2, "gatehouse-cli: " + tree + " is not an APIOps tree folder");
    }
    SubscriptionStore subscriptions = SubscriptionStore.EMPTY;
    if (subscriptionsFile != null) {
      Diagnostics diagnostics = new Diagnostics();
      List<Subscription> list = SubscriptionFile.read(subscriptionsFile, diagnostics);
      if (list == null || diagnostics.hasErrors()) {
        diagnostics.all().forEach(err::println);
        throw new Failure(1, "gatehouse-cli: the subscriptions file has errors");
      }
      subscriptions = new InMemorySubscriptionStore(list);
    }
    NettyBackend backend = NettyBackend.create();
    Path root = tree;
    SubscriptionStore store = subscriptions;
    Supplier<Gatehouse> compile = () -> Gatehouse.builder().apiOpsTree(root).subscriptions(store).backend(backend)
        .build();
    AtomicReference<Gatehouse> current = new AtomicReference<>();
    NettyGateway gateway = null;
    try {
      current.set(compile.get());
      current.get().warnings().forEach(err::println);
      gateway = NettyGateway.builder().gatehouse(current::get).backend(backend).address(address).port(port)
          .start();
      TreeReloader reloader = new TreeReloader(tree, compile, current, out, err);
      out.println("gatehouse-cli: serving " + tree + " on " + gateway.url() + " (Ctrl-C to stop)");
      return new Running(gateway, backend, reloader);
    } catch (PolicyLoadException e) {
      e.diagnostics().forEach(err::println);
      backend.close();
      throw new Failure(1, "gatehouse-cli: " + tree + " does not compile");
    } catch (IOException | RuntimeException e) {
      if (gateway != null) {
        gateway.close();
      }
      backend.close();
      throw new Failure(1, "gatehouse-cli: cannot serve on " + address + ":" + port + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      backend.close();
      throw new Failure(1, "gatehouse-cli: interrupted while starting");
    }
  }
}
