package io.gatehouse.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium ({@code /usr/bin/chromium}) opening one URL, with a fresh profile and nothing that
 * phones home. {@link #close()} kills the whole process tree and deletes the profile. Output goes to
 * {@code chromium.log} in the profile's parent, read by {@link #log()} for failure messages.
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/chromium");

  private final Process process;
  private final Path home;

  private HeadlessChromium(Process process, Path home) {
    this.process = process;
    this.home = home;
  }

  /** Whether Chromium is installed where Debian puts it. */
  static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  /** Starts Chromium on {@code url}; it runs until closed. */
  static HeadlessChromium open(String url) throws IOException {
    Path home = Files.createTempDirectory("gatehouse-chromium-");
    Path profile = Files.createDirectory(home.resolve("profile"));
    List<String> command = List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile, url);
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(home.resolve("chromium.log").toFile()).start();
    return new HeadlessChromium(process, home);
  }

  /** What Chromium printed so far (for assertion messages). */
  String log() {
    try {
      return Files.readString(home.resolve("chromium.log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    // Snapshot the tree first: children of a dead parent are no longer its descendants.
    List<ProcessHandle> tree = process.descendants().toList();
    process.destroyForcibly();
    tree.forEach(ProcessHandle::destroyForcibly);
    process.waitFor(10, TimeUnit.SECONDS);
    for (ProcessHandle child : tree) {
      child.onExit().completeOnTimeout(child, 10, TimeUnit.SECONDS).join();
    }
    try (Stream<Path> files = Files.walk(home)) {
      for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // Chromium may still be writing its profile as it dies; a leftover temp folder is harmless.
    }
  }
}
