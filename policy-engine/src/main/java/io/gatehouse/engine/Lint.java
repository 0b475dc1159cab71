package io.gatehouse.engine;

import io.gatehouse.engine.expr.CSharpExpressionCompiler;
import io.gatehouse.engine.expr.ExpressionCompiler;
import io.gatehouse.engine.expr.runtime.CsFormat;
import io.gatehouse.engine.policy.PolicyCompiler;
import io.gatehouse.engine.policy.ScopedElement;
import io.gatehouse.xml.Diagnostic;
import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.PolicyDocument;
import io.gatehouse.xml.PolicyReader;
import io.gatehouse.xml.PolicySource;
import io.gatehouse.xml.PolicyValidator;
import io.gatehouse.xml.Scope;
import io.gatehouse.xml.Section;
import io.gatehouse.xml.XmlElement;
import io.gatehouse.xml.apiops.ApiOpsOptions;
import io.gatehouse.xml.catalog.PolicyCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Checks configuration without serving it: what {@code gatehouse-cli lint} runs. */
public final class Lint {
  private Lint() {}

  /** Every diagnostic of an APIOps tree, as building a gateway from it would report them. */
  public static List<Diagnostic> tree(Path root, ApiOpsOptions options) {
    return Gatehouse.builder().apiOpsTree(root).apiOpsOptions(options).check();
  }

  /**
   * Every diagnostic of a lone policy or fragment file: reading, validation (without scope rules, since the file's
   * scope is unknown), expressions and unsupported policies. Unknown named values are warnings here.
   */
  public static List<Diagnostic> file(Path file) {
    Diagnostics diagnostics = new Diagnostics();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException e) {
      diagnostics.error(io.gatehouse.xml.Position.start(file.toString()), "cannot read file: " + e.getMessage());
      return diagnostics.all();
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    return source(new PolicySource(file.toString(), text), new CSharpExpressionCompiler());
  }

  /** Like {@link #file} for text already in memory. */
  public static List<Diagnostic> source(PolicySource source, ExpressionCompiler expressions) {
    Diagnostics diagnostics = new Diagnostics();
    PolicyDocument doc = PolicyReader.standard().withUnknownNamedValuesAsWarnings(true).read(source, diagnostics);
    if (doc == null) {
      return diagnostics.all();
    }
    PolicyValidator.standard().validate(doc, null, diagnostics);
    Map<Section, List<ScopedElement>> sections = new EnumMap<>(Section.class);
    if (doc.kind() == PolicyDocument.Kind.FRAGMENT) {
      sections.put(Section.INBOUND, scoped(doc.root()));
    } else {
      for (Section s : Section.values()) {
        XmlElement section = doc.section(s);
        sections.put(s, section == null ? List.of() : scoped(section));
      }
    }
    PolicyCatalog catalog = PolicyCatalog.standard();
    new PolicyCompiler(expressions, catalog::isPolicy, Map.of(), CsFormat::toDisplayString)
        .compileForLint(sections, diagnostics);
    return diagnostics.all();
  }

  private static List<ScopedElement> scoped(XmlElement parent) {
    List<ScopedElement> list = new ArrayList<>();
    for (XmlElement e : parent.elements()) {
      list.add(new ScopedElement(e, Scope.OPERATION));
    }
    return list;
  }
}
