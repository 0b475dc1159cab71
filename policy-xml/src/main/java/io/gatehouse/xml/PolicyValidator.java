package io.gatehouse.xml;

import io.gatehouse.xml.catalog.AttributeSpec;
import io.gatehouse.xml.catalog.ChildSpec;
import io.gatehouse.xml.catalog.ElementSpec;
import io.gatehouse.xml.catalog.PolicyCatalog;
import io.gatehouse.xml.catalog.PolicySpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Save-time validation of policy documents against a {@link PolicyCatalog} (README §8): section names and
 * uniqueness, known policies, attributes and child elements, required attributes, literal enum/integer/boolean values,
 * allowed sections and scopes (also nested inside {@code choose}, {@code retry}...), once-per-section/document rules,
 * {@code <base/>} placement and fragment restrictions. Each violation is one diagnostic at the offending node, with a
 * "did you mean" suggestion for misspelled names. Whether the engine implements a policy is not decided here.
 */
public final class PolicyValidator {
  private static final List<String> SECTION_NAMES =
      List.of(Section.INBOUND.xmlName(), Section.BACKEND.xmlName(), Section.OUTBOUND.xmlName(),
          Section.ON_ERROR.xmlName());

  private final PolicyCatalog catalog;

  public PolicyValidator(PolicyCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /** A validator over {@link PolicyCatalog#standard()}. */
  public static PolicyValidator standard() {
    return new PolicyValidator(PolicyCatalog.standard());
  }

  /**
   * Validates a document. A {@code <policies>} document is checked for {@code scope}; a fragment is checked on its
   * own (no section is known, so section rules wait for {@link #validateStatements}).
   *
   * @param scope the scope the document is attached to, or null when unknown (scope rules are then skipped)
   */
  public void validate(PolicyDocument document, Scope scope, Diagnostics diagnostics) {
    if (document.kind() == PolicyDocument.Kind.FRAGMENT) {
      new Run(null, scope, true, diagnostics).fragment(document.root());
      return;
    }
    XmlElement root = document.root();
    rejectText(root, diagnostics);
    Map<String, XmlElement> seen = new HashMap<>();
    Map<String, XmlElement> perDocument = new HashMap<>();
    for (XmlElement child : root.elements()) {
      Section section = Section.fromXmlName(child.name());
      if (section == null) {
        diagnostics.error(child.position(), "unknown section <" + child.name() + ">; expected inbound, backend,"
            + " outbound or on-error" + Suggestions.didYouMean(child.name(), SECTION_NAMES));
        continue;
      }
      XmlElement first = seen.putIfAbsent(child.name(), child);
      if (first != null) {
        diagnostics.error(child.position(), "section <" + child.name() + "> appears more than once (first at "
            + first.position() + ")");
        continue;
      }
      Run run = new Run(section, scope, false, diagnostics);
      run.perDocument = perDocument;
      run.section(child);
    }
  }

  /**
   * Validates statements placed in {@code section} at {@code scope}, e.g. a fragment's content at an include site.
   *
   * @param inFragment whether the statements come from a fragment ({@code <base/>} and include-fragment are then
   *     errors)
   */
  public void validateStatements(List<XmlElement> statements, Section section, Scope scope, boolean inFragment,
      Diagnostics diagnostics) {
    Run run = new Run(section, scope, inFragment, diagnostics);
    for (XmlElement statement : statements) {
      run.statement(statement, false);
    }
  }

  private static void rejectText(XmlElement element, Diagnostics diagnostics) {
    XmlText text = element.text();
    if (text != null) {
      diagnostics.error(text.position(), "<" + element.name() + "> cannot contain text");
    }
  }

  /** True when the value is a policy expression: trimmed, it starts with {@code @(} or <code>@{</code>. */
  static boolean isExpression(String value) {
    String t = value.trim();
    return t.startsWith("@(") || t.startsWith("@{");
  }

  /** State of one validation pass over a section, fragment or statement list. */
  private final class Run {
    private final Section section;
    private final Scope scope;
    private final boolean inFragment;
    private final Diagnostics diagnostics;
    private final Map<String, XmlElement> perSection = new HashMap<>();
    private Map<String, XmlElement> perDocument = new HashMap<>();

    Run(Section section, Scope scope, boolean inFragment, Diagnostics diagnostics) {
      this.section = section;
      this.scope = scope;
      this.inFragment = inFragment;
      this.diagnostics = diagnostics;
    }

    void fragment(XmlElement root) {
      rejectText(root, diagnostics);
      for (XmlElement statement : root.elements()) {
        statement(statement, false);
      }
    }

    void section(XmlElement sectionElement) {
      rejectText(sectionElement, diagnostics);
      for (XmlAttribute a : sectionElement.attributes()) {
        diagnostics.error(a.position(), "unknown attribute '" + a.name() + "' on section <" + sectionElement.name()
            + ">");
      }
      XmlElement firstBase = null;
      List<XmlElement> policies = new ArrayList<>();
      for (XmlElement statement : sectionElement.elements()) {
        if (statement.name().equals("base")) {
          if (firstBase != null) {
            diagnostics.error(statement.position(), "<base/> appears more than once in <" + sectionElement.name()
                + "> (first at " + firstBase.position() + ")");
          } else {
            firstBase = statement;
            checkBaseShape(statement);
          }
          continue;
        }
        policies.add(statement);
        statement(statement, true);
      }
      if (section == Section.BACKEND && policies.size() > 1) {
        diagnostics.warning(policies.get(1).position(), "the backend section should contain a single policy"
            + " (wrap several in choose, retry or limit-concurrency); found " + policies.size());
      }
    }

    private void checkBaseShape(XmlElement base) {
      for (XmlAttribute a : base.attributes()) {
        diagnostics.error(a.position(), "unknown attribute '" + a.name() + "' on <base/>");
      }
      if (!base.children().isEmpty()) {
        diagnostics.error(base.children().get(0).position(), "<base/> must be empty");
      }
    }

    void statement(XmlElement e, boolean topLevel) {
      String name = e.name();
      if (name.equals("base")) {
        diagnostics.error(e.position(), inFragment ? "<base/> is not allowed in a policy fragment"
            : "<base/> is only allowed as a direct child of a section");
        return;
      }
      if (Section.fromXmlName(name) != null) {
        diagnostics.error(e.position(), inFragment ? "a policy fragment cannot contain sections such as <" + name
            + ">; it holds policy statements only" : "section <" + name + "> is not allowed here");
        return;
      }
      if (name.equals("include-fragment") && inFragment) {
        diagnostics.error(e.position(), "include-fragment is not allowed inside a policy fragment (fragments cannot"
            + " be nested)");
        return;
      }
      PolicySpec spec = catalog.policy(name);
      if (spec == null) {
        diagnostics.error(e.position(), "unknown policy <" + name + ">"
            + Suggestions.didYouMean(name, catalog.policyNames()));
        return;
      }
      if (section != null && !spec.sections().contains(section)) {
        diagnostics.error(e.position(), "<" + name + "> is not allowed in the " + section.xmlName()
            + " section (allowed in: " + spec.sections().stream().sorted().map(Section::xmlName)
            .collect(Collectors.joining(", ")) + ")");
      }
      if (scope != null && !spec.scopes().contains(scope)) {
        diagnostics.error(e.position(), "<" + name + "> is not allowed at " + scope.label() + " scope (allowed at: "
            + spec.scopes().stream().sorted().map(Scope::label).collect(Collectors.joining(", ")) + ")");
      }
      switch (spec.once()) {
        case PER_SECTION -> once(perSection, e, "section");
        case PER_DOCUMENT -> once(perDocument, e, "policy document");
        default -> { }
      }
      element(e, spec.element(), true);
    }

    private void once(Map<String, XmlElement> seen, XmlElement e, String where) {
      XmlElement first = seen.putIfAbsent(e.name(), e);
      if (first != null) {
        diagnostics.error(e.position(), "<" + e.name() + "> may be used only once per " + where + " (first at "
            + first.position() + ")");
      }
    }

    private void element(XmlElement e, ElementSpec spec, boolean policy) {
      attributes(e, spec, policy);
      if (spec.content() == ElementSpec.Content.ANY) {
        return;
      }
      XmlText text = e.text();
      if (text != null && !spec.text()) {
        diagnostics.error(text.position(), "<" + e.name() + "> cannot contain text" + expectedChildren(spec));
      }
      Map<String, Integer> counts = new HashMap<>();
      for (XmlElement child : e.elements()) {
        ChildSpec childSpec = spec.child(child.name());
        if (childSpec != null) {
          int n = counts.merge(child.name(), 1, Integer::sum);
          if (n == childSpec.max() + 1) {
            diagnostics.error(child.position(), "<" + child.name() + "> may appear only "
                + (childSpec.max() == 1 ? "once" : childSpec.max() + " times") + " in <" + e.name() + ">");
          }
          element(child, childSpec.element(), false);
        } else if (spec.content() == ElementSpec.Content.STATEMENTS) {
          if (!spec.statementNames().isEmpty() && !spec.statementNames().contains(child.name())) {
            diagnostics.error(child.position(), "<" + child.name() + "> is not allowed in <" + e.name()
                + ">; allowed: " + String.join(", ", spec.statementNames().stream().sorted().toList()));
          } else {
            statement(child, false);
          }
        } else {
          List<String> names = spec.children().stream().map(c -> c.element().name()).toList();
          diagnostics.error(child.position(), "element <" + child.name() + "> is not allowed in <" + e.name() + ">"
              + (names.isEmpty() ? "; it has no child elements" : Suggestions.didYouMean(child.name(), names)
                  + expectedChildren(spec)));
        }
      }
      for (ChildSpec c : spec.children()) {
        if (counts.getOrDefault(c.element().name(), 0) < c.min()) {
          diagnostics.error(e.position(), "<" + e.name() + "> requires " + (c.max() == 1 ? "a" : "at least one")
              + " <" + c.element().name() + "> child element");
        }
      }
    }

    private String expectedChildren(ElementSpec spec) {
      if (spec.children().isEmpty()) {
        return "";
      }
      return " (expected elements: " + spec.children().stream().map(c -> c.element().name())
          .collect(Collectors.joining(", ")) + ")";
    }

    private void attributes(XmlElement e, ElementSpec spec, boolean policy) {
      for (XmlAttribute a : e.attributes()) {
        if ((policy && a.name().equals("id")) || a.name().equals("xmlns") || a.name().startsWith("xmlns:")) {
          continue;
        }
        AttributeSpec as = spec.attribute(a.name());
        if (as == null && spec.openAttributes()) {
          continue;
        }
        if (as == null) {
          List<String> names = new ArrayList<>(spec.attributes().keySet());
          diagnostics.error(a.position(), "unknown attribute '" + a.name() + "' on <" + e.name() + ">"
              + (names.isEmpty() ? "" : Suggestions.didYouMean(a.name(), names)));
          continue;
        }
        value(e, a, as);
      }
      for (AttributeSpec as : spec.attributes().values()) {
        if (as.required() && e.attribute(as.name()).isEmpty()) {
          diagnostics.error(e.position(), "<" + e.name() + "> is missing required attribute '" + as.name() + "'");
        }
      }
      for (List<String> group : spec.requireOneOf()) {
        if (group.stream().noneMatch(n -> e.attribute(n).isPresent())) {
          diagnostics.error(e.position(), "<" + e.name() + "> requires one of the attributes "
              + group.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ")));
        }
      }
    }

    private void value(XmlElement e, XmlAttribute a, AttributeSpec as) {
      String v = a.value();
      if (isExpression(v)) {
        if (!as.expressions()) {
          diagnostics.error(a.valuePosition(), "attribute '" + a.name() + "' of <" + e.name()
              + "> does not allow policy expressions");
        }
        return;
      }
      if (v.contains("{{")) {
        return; // an unresolved named value (reported by the reader)
      }
      String shown = a.secret() ? "(secret value)" : "'" + v + "'";
      String t = v.trim();
      switch (as.type()) {
        case INTEGER -> {
          if (!t.matches("[+-]?[0-9]{1,18}")) {
            diagnostics.error(a.valuePosition(), "attribute '" + a.name() + "' of <" + e.name()
                + "> must be an integer, found " + shown);
          }
        }
        case BOOLEAN -> {
          if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
            diagnostics.error(a.valuePosition(), "attribute '" + a.name() + "' of <" + e.name()
                + "> must be true or false, found " + shown);
          }
        }
        case ENUM -> {
          boolean ok = as.values().stream().anyMatch(x -> x.equalsIgnoreCase(t));
          if (!ok) {
            List<String> values = as.values().stream().sorted().toList();
            diagnostics.error(a.valuePosition(), "invalid value " + shown + " for attribute '" + a.name() + "' of <"
                + e.name() + ">; expected one of " + String.join(", ", values)
                + (a.secret() ? "" : Suggestions.didYouMean(t.toLowerCase(Locale.ROOT), values)));
          }
        }
        default -> { }
      }
    }
  }
}
