package io.gatehouse.cli;

import io.gatehouse.api.HttpHeaders;
import io.gatehouse.api.Subscription;
import io.gatehouse.engine.testing.StubBackend;
import io.gatehouse.engine.testing.TestGateway;
import io.gatehouse.engine.testing.TestRequest;
import io.gatehouse.engine.testing.TestResult;
import io.gatehouse.xml.PolicyLoadException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code run TREE SCENARIO.json}: builds the tree in-process with the scenario's clock, named values and backend,
 * replays the requests and prints one JSON object per request (JSON Lines). Exit 1 when the tree does not build or
 * the scenario is invalid.
 */
final class RunCommand {
  private RunCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 2) {
      err.println("usage: gatehouse-cli run TREE SCENARIO.json");
      return 2;
    }
    Path tree = Path.of(args[0]);
    Path file = Path.of(args[1]);
    if (!Files.isDirectory(tree) || !Files.isRegularFile(file)) {
      err.println("gatehouse-cli: run needs an APIOps tree folder and a scenario file");
      return 2;
    }
    Scenario scenario;
    try {
      scenario = Scenario.read(file);
    } catch (Scenario.Invalid e) {
      err.println("gatehouse-cli: " + e.getMessage());
      return 1;
    }
    StubBackend backend = scenario.backend() == null ? StubBackend.echoing()
        : StubBackend.always(scenario.backend().status(), scenario.backend().headers(), scenario.backend().body());
    TestGateway.Builder builder = TestGateway.builder().apiOpsTree(tree).clockAt(scenario.clock()).backend(backend);
    scenario.namedValues().forEach(builder::namedValue);
    builder.subscriptions(scenario.subscriptions().toArray(new Subscription[0]));
    TestGateway gateway;
    try {
      gateway = builder.build();
    } catch (PolicyLoadException e) {
      e.diagnostics().forEach(err::println);
      return 1;
    }
    for (Scenario.Request r : scenario.requests()) {
      gateway.clock().advance(Duration.ofSeconds(r.advanceSeconds()));
      TestRequest request = TestRequest.of(r.method(), r.url()).clientIp(r.clientIp()).body(r.body());
      copy(r.headers(), request);
      TestResult result = gateway.send(request);
      out.println(OutcomeJson.line(result.outcome()));
    }
    return 0;
  }

  private static void copy(HttpHeaders headers, TestRequest request) {
    headers.forEach((name, values) -> values.forEach(v -> request.header(name, v)));
  }
}
