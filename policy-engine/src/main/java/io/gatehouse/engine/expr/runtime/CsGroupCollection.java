package io.gatehouse.engine.expr.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * {@code GroupCollection}: {@code Count}, indexer by number (.NET numbering: unnamed groups first, then named) and by
 * name; unknown numbers/names give an unsuccessful group with value {@code ""}.
 */
public final class CsGroupCollection implements Iterable<CsGroup> {
  private final List<CsGroup> groups;

  CsGroupCollection(List<CsGroup> groups) {
    this.groups = Collections.unmodifiableList(new ArrayList<>(groups));
  }

  /** {@code Count}. */
  public int count() {
    return groups.size();
  }

  /** {@code Groups[int]}. */
  public CsGroup get(int number) {
    return number >= 0 && number < groups.size() ? groups.get(number) : new CsGroup("", "", 0, false);
  }

  /** {@code Groups[string]}. */
  public CsGroup get(String name) {
    for (CsGroup g : groups) {
      if (g.name().equals(name)) {
        return g;
      }
    }
    return new CsGroup(name, "", 0, false);
  }

  /** {@code ContainsKey(name)}. */
  public boolean containsKey(String name) {
    for (CsGroup g : groups) {
      if (g.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Iterator<CsGroup> iterator() {
    return groups.iterator();
  }
}
