package io.gatehouse.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Runs the CLI in-process and captures its output. */
record Cli(int exit, String out, String err) {
  static Cli run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = GatehouseCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** {@code ../shared}, or the test is skipped with a message when it is absent. */
  static Path shared() {
    String configured = System.getProperty("gatehouse.shared");
    Path path = configured != null ? Path.of(configured) : Path.of("../../shared");
    Assumptions.assumeTrue(Files.isDirectory(path.resolve("corpus")),
        "shared corpus not found at " + path.toAbsolutePath() + "; skipping corpus-based CLI test");
    return path;
  }
}
