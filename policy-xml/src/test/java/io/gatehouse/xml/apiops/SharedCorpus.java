package io.gatehouse.xml.apiops;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared corpus: system property {@code gatehouse.shared}, else {@code ../../shared}. */
final class SharedCorpus {
  private SharedCorpus() {}

  /** The official APIOps sample tree; skips the calling test when the corpus is not checked out. */
  static Path sampleArtifacts() {
    String configured = System.getProperty("gatehouse.shared");
    Path shared = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("../../shared");
    Path tree = shared.resolve("corpus/apiops-sample/SampleArtifacts").toAbsolutePath().normalize();
    assumeTrue(Files.isDirectory(tree), "shared corpus not found at " + tree
        + " (set -Dgatehouse.shared=<dir>); skipping");
    return tree;
  }
}
