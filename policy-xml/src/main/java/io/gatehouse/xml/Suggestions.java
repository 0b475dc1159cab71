package io.gatehouse.xml;

import java.util.Collection;

/** "Did you mean" suggestions by edit distance. */
final class Suggestions {
  private Suggestions() {}

  /** {@code "; did you mean 'x'?"} for the nearest candidate, or an empty string when none is close. */
  static String didYouMean(String input, Collection<String> candidates) {
    String best = nearest(input, candidates);
    return best == null ? "" : "; did you mean '" + best + "'?";
  }

  /** The candidate closest to {@code input} within a distance of about a third of its length, or null. */
  static String nearest(String input, Collection<String> candidates) {
    if (input.length() > 100) {
      return null;
    }
    int limit = Math.max(1, Math.min(4, input.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(input.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return bestDistance <= limit ? best : null;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }
}
