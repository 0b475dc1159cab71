package io.gatehouse.xml;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the shared policy corpus (never copied into the repository). */
final class Corpus {
  private Corpus() {}

  /** The shared directory, or a skipped test when it is absent. */
  static Path shared() {
    String property = System.getProperty("gatehouse.shared");
    Path dir = property != null ? Path.of(property) : Path.of("../../shared");
    assumeTrue(Files.isDirectory(dir.resolve("corpus")),
        "shared corpus not found at " + dir.toAbsolutePath() + " (set -Dgatehouse.shared); skipping");
    return dir;
  }

  static List<Path> snippetExamples() {
    return xmlFiles(shared().resolve("corpus/apim-snippets/examples"), p -> p.toString().endsWith(".xml"));
  }

  static List<Path> apiopsPolicies() {
    return xmlFiles(shared().resolve("corpus/apiops-sample/SampleArtifacts"),
        p -> p.getFileName().toString().equals("policy.xml"));
  }

  static PolicySource source(Path file) {
    try {
      return new PolicySource(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> xmlFiles(Path dir, java.util.function.Predicate<Path> filter) {
    assumeTrue(Files.isDirectory(dir), dir + " not found; skipping");
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).filter(filter).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
