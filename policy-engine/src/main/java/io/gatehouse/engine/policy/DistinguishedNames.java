package io.gatehouse.engine.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * X.500 distinguished names as APIM users write them ({@code CN=x, O="A, B", C=US}, most specific first, values with
 * commas quoted or escaped, .NET's {@code E=} and {@code S=} keywords accepted): parsed, never compared as text.
 */
final class DistinguishedNames {
  private static final Map<String, String> DOTNET_KEYWORDS = Map.of(
      "E", "1.2.840.113549.1.9.1",
      "S", "2.5.4.8",
      "G", "2.5.4.42",
      "SN", "2.5.4.4");

  private DistinguishedNames() {}

  /**
   * The canonical form of a written DN, for equality with {@link #canonical(X500Principal)}.
   *
   * @throws IllegalArgumentException when {@code dn} is not a distinguished name
   */
  static String canonical(String dn) {
    return new X500Principal(dn.strip(), DOTNET_KEYWORDS).getName(X500Principal.CANONICAL);
  }

  static String canonical(X500Principal principal) {
    return principal.getName(X500Principal.CANONICAL);
  }

  /** The common name (CN) values of a name, most specific first; empty when it has none or cannot be parsed. */
  static List<String> commonNames(X500Principal principal) {
    List<String> names = new ArrayList<>();
    try {
      List<Rdn> rdns = new LdapName(principal.getName(X500Principal.RFC2253)).getRdns();
      for (int i = rdns.size() - 1; i >= 0; i--) {
        Attribute cn = rdns.get(i).toAttributes().get("CN");
        if (cn != null && cn.get() instanceof String value) {
          names.add(value);
        }
      }
    } catch (NamingException | RuntimeException e) {
      return List.of();
    }
    return names;
  }
}
