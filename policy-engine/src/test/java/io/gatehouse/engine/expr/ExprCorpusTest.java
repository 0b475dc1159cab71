package io.gatehouse.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatehouse.xml.Diagnostic;
import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.PolicyDocument;
import io.gatehouse.xml.PolicyReader;
import io.gatehouse.xml.PolicySource;
import io.gatehouse.xml.Position;
import io.gatehouse.xml.Severity;
import io.gatehouse.xml.XmlAttribute;
import io.gatehouse.xml.XmlElement;
import io.gatehouse.xml.XmlNode;
import io.gatehouse.xml.XmlText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Compiles every {@code @(...)}/{@code @{...}} of the APIM policy snippets corpus (spec 10, corpus note) and reports
 * total / compiled / failed by first diagnostic. Skipped when the shared corpus is absent.
 */
class ExprCorpusTest {
  /** The compiled fraction reached; lower it only with a reason. */
  private static final double MIN_COMPILED_FRACTION = 393.0 / 429;

  private static final List<String> DAMAGED = List.of("Call out to an HTTP endpoint and cache the response",
      "Loopback request for service at same API Management service",
      "Pre-authorize requests based on HTTP method with validate-jwt");

  private record Outcome(String file, boolean loaded, int expressions, List<Diagnostic> errors) {}

  @Test
  void corpusCompiles() throws IOException {
    Path root = Path.of(System.getProperty("gatehouse.shared", "../../shared"), "corpus", "apim-snippets");
    assumeTrue(Files.isDirectory(root), "APIM snippets corpus not found at " + root
        + " (set -Dgatehouse.shared=<dir containing corpus/apim-snippets>)");
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
    CSharpExpressionCompiler compiler = new CSharpExpressionCompiler();
    Map<String, Integer> reasons = new TreeMap<>();
    List<Outcome> outcomes = new ArrayList<>();
    int total = 0;
    int compiled = 0;
    for (Path file : files) {
      String name = root.relativize(file).toString();
      Diagnostics read = new Diagnostics();
      PolicyDocument doc = PolicyReader.standard().withUnknownNamedValuesAsWarnings(true)
          .read(new PolicySource(name, Files.readString(file, StandardCharsets.UTF_8)), read);
      List<Diagnostic> errors = new ArrayList<>(errors(read));
      if (doc == null || !errors.isEmpty()) {
        reasons.merge("load: " + (errors.isEmpty() ? "no document" : errors.get(0).message()), 1, Integer::sum);
        outcomes.add(new Outcome(name, false, 0, errors));
        continue;
      }
      List<String[]> found = new ArrayList<>();
      List<Position> at = new ArrayList<>();
      collect(doc.root(), found, at);
      for (int i = 0; i < found.size(); i++) {
        total++;
        Diagnostics d = new Diagnostics();
        CompiledExpression e = compiler.compile(new ExpressionSource(found.get(i)[0], at.get(i), false),
            ResultType.ANY, d);
        List<Diagnostic> es = errors(d);
        if (e != null && es.isEmpty()) {
          compiled++;
        } else {
          reasons.merge(es.isEmpty() ? "no diagnostic" : es.get(0).message(), 1, Integer::sum);
          errors.addAll(es);
        }
      }
      outcomes.add(new Outcome(name, true, found.size(), errors));
    }
    System.out.printf("corpus: %d files, %d expressions, %d compiled, %d failed%n", files.size(), total, compiled,
        total - compiled);
    reasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(r -> System.out.printf("  %4d  %s%n", r.getValue(), r.getKey()));

    for (String damaged : DAMAGED) {
      Outcome o = outcomes.stream().filter(x -> x.file().contains(damaged)).findFirst().orElseThrow();
      assertThat(o.errors()).as(damaged).isNotEmpty();
      assertThat(o.errors().get(0).position().line()).as(damaged + " error position").isPositive();
    }
    Outcome liquid = outcomes.stream().filter(x -> x.file().contains("List all inbound headers")).findFirst()
        .orElseThrow();
    assertThat(liquid.expressions()).as("Liquid-only file").isZero();
    assertThat(total).isPositive();
    assertThat((double) compiled / total).as("compiled fraction").isGreaterThanOrEqualTo(MIN_COMPILED_FRACTION);
  }

  private static List<Diagnostic> errors(Diagnostics d) {
    return d.all().stream().filter(x -> x.severity() == Severity.ERROR).toList();
  }

  private static void collect(XmlElement e, List<String[]> out, List<Position> at) {
    for (XmlAttribute a : e.attributes()) {
      if (isExpression(a.value())) {
        out.add(new String[] {a.value().strip()});
        at.add(a.valuePosition());
      }
    }
    for (XmlNode c : e.children()) {
      if (c instanceof XmlElement ce) {
        collect(ce, out, at);
      } else if (c instanceof XmlText t && isExpression(t.value())) {
        out.add(new String[] {t.value().strip()});
        at.add(t.position());
      }
    }
  }

  private static boolean isExpression(String v) {
    String s = v == null ? "" : v.strip();
    return s.startsWith("@(") || s.startsWith("@{");
  }
}
