package io.gatehouse.xml;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Composes the scope documents of a request into its {@link EffectivePolicy} (README §3.2): in each section, every
 * {@code <base/>} is replaced by the parent scope's effective section; a section without {@code <base/>} drops all
 * broader scopes; {@code <base/>} at the broadest scope is a no-op. {@code <include-fragment>} is inlined at any depth
 * (e.g. inside {@code choose/when}), keeping the fragment's own positions and the including document's scope; the
 * fragment's content is validated for the section and scope of the include site.
 *
 * <p>DECISION (README §3.2 leaves it unconfirmed): a <em>missing</em> section element inherits, i.e. behaves as
 * {@code <S><base/></S>}, by default ({@link MissingSection#INHERIT}, fail-safe for global security policies); a
 * <em>present but empty</em> section always has no statements and no inheritance. {@link MissingSection#EMPTY} treats a
 * missing section like an empty one. A scope with no document at all always inherits.
 */
public final class PolicyComposer {

  /** How a section element missing from a present document is treated. */
  public enum MissingSection {
    /** As {@code <S><base/></S>}: the parent's statements apply (default). */
    INHERIT,
    /** As {@code <S/>}: no statements, broader scopes dropped. */
    EMPTY
  }

  private final PolicyValidator validator;
  private final MissingSection missingSection;

  public PolicyComposer(PolicyValidator validator, MissingSection missingSection) {
    this.validator = Objects.requireNonNull(validator, "validator");
    this.missingSection = Objects.requireNonNull(missingSection, "missingSection");
  }

  /** A composer with the standard validator and {@link MissingSection#INHERIT}. */
  public static PolicyComposer standard() {
    return new PolicyComposer(PolicyValidator.standard(), MissingSection.INHERIT);
  }

  /**
   * Composes {@code chain}.
   *
   * @param chain the scope documents broad to narrow (global, [workspace], [product], api, operation); scopes not in
   *     the request's path are simply left out, e.g. product outside a product context
   * @param fragments fragment documents by id; returns null for unknown ids
   * @param diagnostics receives missing fragments and fragment validation problems
   * @throws IllegalArgumentException when the chain is not ordered broad to narrow (a programming error)
   */
  public EffectivePolicy compose(List<ScopedPolicy> chain, Function<String, PolicyDocument> fragments,
      Diagnostics diagnostics) {
    for (int i = 1; i < chain.size(); i++) {
      if (chain.get(i).scope().ordinal() <= chain.get(i - 1).scope().ordinal()) {
        throw new IllegalArgumentException("chain must be ordered broad to narrow with distinct scopes: " + chain);
      }
    }
    Map<Section, List<Statement>> result = new EnumMap<>(Section.class);
    Set<String> validated = new HashSet<>();
    for (Section section : Section.values()) {
      List<Statement> effective = List.of();
      for (ScopedPolicy scoped : chain) {
        PolicyDocument document = scoped.document();
        if (document == null) {
          continue;
        }
        XmlElement sectionElement = document.section(section);
        if (sectionElement == null) {
          if (missingSection == MissingSection.EMPTY) {
            effective = List.of();
          }
          continue;
        }
        List<Statement> next = new ArrayList<>();
        for (XmlElement statement : sectionElement.elements()) {
          if (statement.name().equals("base")) {
            next.addAll(effective);
            continue;
          }
          Inliner inliner = new Inliner(section, scoped.scope(), fragments, diagnostics, validated);
          for (XmlElement e : inliner.expand(statement)) {
            next.add(new Statement(e, scoped.scope()));
          }
        }
        effective = next;
      }
      result.put(section, effective);
    }
    return new EffectivePolicy(result);
  }

  /** Inlines include-fragment elements for one section and scope. */
  private final class Inliner {
    private final Section section;
    private final Scope scope;
    private final Function<String, PolicyDocument> fragments;
    private final Diagnostics diagnostics;
    private final Set<String> validated;

    Inliner(Section section, Scope scope, Function<String, PolicyDocument> fragments, Diagnostics diagnostics,
        Set<String> validated) {
      this.section = section;
      this.scope = scope;
      this.fragments = fragments;
      this.diagnostics = diagnostics;
      this.validated = validated;
    }

    /** The element with includes inlined: usually one element, the fragment's statements for an include. */
    List<XmlElement> expand(XmlElement e) {
      if (e.name().equals("include-fragment")) {
        return include(e);
      }
      if (!containsInclude(e)) {
        return List.of(e);
      }
      List<XmlNode> children = new ArrayList<>(e.children().size());
      for (XmlNode child : e.children()) {
        if (child instanceof XmlElement c) {
          children.addAll(expand(c));
        } else {
          children.add(child);
        }
      }
      return List.of(new XmlElement(e.name(), e.attributes(), children, e.position()));
    }

    private List<XmlElement> include(XmlElement include) {
      String id = include.attributeValue("fragment-id");
      if (id == null) {
        return List.of(); // the validator reports the missing attribute
      }
      PolicyDocument fragment = fragments.apply(id.trim());
      if (fragment == null || fragment.kind() != PolicyDocument.Kind.FRAGMENT) {
        diagnostics.error(include.position(), "policy fragment '" + id + "' not found");
        return List.of();
      }
      List<XmlElement> statements = fragment.root().elements();
      if (validated.add(id.trim() + "\u0000" + section + "\u0000" + scope)) {
        validator.validateStatements(statements, section, scope, true, diagnostics);
      }
      List<XmlElement> result = new ArrayList<>(statements.size());
      for (XmlElement s : statements) {
        // nested includes, <base/> and sections inside a fragment were reported by the validator; leave them out
        if (!s.name().equals("include-fragment") && !s.name().equals("base") && Section.fromXmlName(s.name()) == null) {
          result.add(s);
        }
      }
      return result;
    }

    private boolean containsInclude(XmlElement e) {
      for (XmlElement c : e.elements()) {
        if (c.name().equals("include-fragment") || containsInclude(c)) {
          return true;
        }
      }
      return false;
    }
  }
}
