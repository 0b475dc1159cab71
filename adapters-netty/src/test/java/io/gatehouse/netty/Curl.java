package io.gatehouse.netty;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** The {@code curl} command line client as a subprocess; absent curl skips, except with CI=true where it fails. */
record Curl(int exit, String out, String err) {
  static void require() {
    if (find() == null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("curl is required when CI=true but is not on PATH");
      }
      Assumptions.abort("curl not found on PATH: skipping the curl tests (they are required when CI=true)");
    }
  }

  private static Path find() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "curl");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** Runs {@code curl -sS ARGS} with a 30-second limit. */
  static Curl run(String... args) throws IOException, InterruptedException {
    require();
    List<String> command = new ArrayList<>(List.of(find().toString(), "-sS", "--max-time", "30"));
    command.addAll(List.of(args));
    Path errFile = Files.createTempFile("curl", ".err");
    try {
      Process process = new ProcessBuilder(command).redirectError(errFile.toFile()).start();
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("curl did not finish: " + command);
      }
      return new Curl(process.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(errFile));
    } finally {
      Files.deleteIfExists(errFile);
    }
  }
}
