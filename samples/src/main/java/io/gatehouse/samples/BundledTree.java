package io.gatehouse.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A samples' APIOps tree bundled as a resource folder ({@code quickstart-tree}, {@code jetty-tree},
 * {@code netty-tree}) as a folder on disk. The engine reads trees from a file system
 * {@link Path}; when the samples run from a jar, the tree is copied to a temporary folder that {@link #close()}
 * deletes.
 */
final class BundledTree implements AutoCloseable {

  private final Path root;
  private final boolean temporary;

  private BundledTree(Path root, boolean temporary) {
    this.root = root;
    this.temporary = temporary;
  }

  /** Finds the tree {@code resource}: in place when on the class path as a folder, else extracted from the jar. */
  static BundledTree of(String resource) throws IOException {
    Path location;
    try {
      location = Path.of(BundledTree.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException("cannot locate the samples classes", e);
    }
    if (Files.isDirectory(location)) {
      Path tree = location.resolve(resource);
      if (!Files.isRegularFile(tree.resolve("policy.xml"))) {
        throw new IOException("bundled tree not found at " + tree);
      }
      return new BundledTree(tree, false);
    }
    Path target = Files.createTempDirectory("gatehouse-" + resource + "-");
    try (FileSystem jar = FileSystems.newFileSystem(location)) {
      copy(jar.getPath("/" + resource), target);
    } catch (IOException | RuntimeException e) {
      delete(target);
      throw e;
    }
    return new BundledTree(target, true);
  }

  /** A tree the caller owns; never deleted. */
  static BundledTree external(Path root) {
    return new BundledTree(root, false);
  }

  Path root() {
    return root;
  }

  @Override
  public void close() {
    if (temporary) {
      try {
        delete(root);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void copy(Path source, Path target) throws IOException {
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path destination = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(file, destination);
        }
      }
    }
  }

  private static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(file);
      }
    }
  }
}
